# Appended to repo2docker's Dockerfile when the hub's single-user image is built from binder/
# (jupyter-repo2docker --appendix "$(cat deploy/z2jh/appendix.Dockerfile)", see docs/teaching.md).
# repo2docker has already installed binder/requirements.txt and run binder/postBuild (the
# course, installed from REPO_DIR). This adds what a class on a hub needs:
# * nbgitpuller, for the link that puts the course into each student's home;
# * full MNIST and every model the course trains, in /srv/mnist-course-shared, outside the
#   home folder (a student's persistent home is mounted over /home/jovyan and would hide
#   anything put there), owned by root and read-only, found through MNIST_DIR and
#   COURSE_SHARED_MODELS: no student downloads or trains them, and none can change them.
USER root
ENV MNIST_DIR=/srv/mnist-course-shared/mnist \
    COURSE_SHARED_MODELS=/srv/mnist-course-shared/models
RUN test "${REPO_DIR}" != "${HOME}" || { echo "Build with --target-repo-dir /srv/mnist-course:" \
      "the students' home folders are mounted over ${HOME}." >&2; exit 1; } \
 && ${NB_PYTHON_PREFIX}/bin/python -m pip install --no-cache-dir "nbgitpuller>=1.3" \
 && mkdir -p ${MNIST_DIR} \
 && ${NB_PYTHON_PREFIX}/bin/python -m course.data download --dir ${MNIST_DIR} \
 && ${NB_PYTHON_PREFIX}/bin/python ${REPO_DIR}/tools/classroom.py bake --models ${COURSE_SHARED_MODELS} \
      --mnist ${MNIST_DIR} ${REPO_DIR}/notebooks/[0-9][0-9]*.ipynb \
 && chown -R root:root /srv/mnist-course-shared ${REPO_DIR} \
 && chmod -R u=rwX,go=rX /srv/mnist-course-shared ${REPO_DIR}
USER ${NB_USER}
