"""The course's helper package: the mathematics behind the notebooks, one module per idea.

* `course.data`: MNIST: the bundled 5,000 digits, the full 70,000 (download, cache).
* `course.idx`: the IDX file format, read strictly.
* `course.pixel_stats`: mean digits, intensity histogram, variograms, border ink,
  centre of mass.
* `course.plotting`: grids of digits and PNG pictures for widgets.
* `course.mlp`: a multilayer perceptron in numpy, with backpropagation written out.
* `course.training`: PyTorch MLPs and CNNs, one training function, a model cache.
* `course.zoo`: the trained MLP and CNN that several chapters share (shipped weights in
  ``course/weights/``), and chapter 2's 3-epoch CNN.
* `course.preprocess`: MNIST's own preparation of a digit, and moving digits around.
* `course.strokes`: the drawing pad's pen, and a simulated hand that draws digits with it.
* `course.font_digits`: the ten digits rendered from Debian's fonts (shipped).
* `course.gap`: accuracy on MNIST and on digits from elsewhere (fonts, drawings).
* `course.novelty`: "not sure": low confidence, or unlike every training digit.
* `course.dashboard`: the live training dashboard of chapter 2.
* `course.interpret`: weight templates, receptive fields, mistakes, saliency.
* `course.pca`, `course.pca_classifiers`: PCA from scratch and classifying with it.
* `course.fourier_model`: the Fourier fitness video's model, its classifier g_k and the
  maximisers of g_k.
* `course.eigen_net`: the eigenvector-network video's network and the exact spectra it
  seeks, one module per idea (matrices, spectra, network, training, analysis, experiment).
* `course.threads`: run small computations on one CPU thread.
* `course.widgets`: the interactive widgets the notebooks display, one module per widget.
* `course.check`: self-checking exercises (`check`, `hint`, `solution`), including
  exercises where the learner writes a function; the exercises themselves are in
  `course.exercises`, one module per chapter.
* `course.diagnose`: how a learner's result differs from the right one, in words.
* `course.prose`: text and speaker notes formatted from computed results (`md`, `pct`).
* `course.reproducible`: what is reproducible where, and the CPU code paths pinned where
  that is safe.
* `course.spread`: how far each trained number moves with the random seed and the processor.

Notebooks import from these modules; nothing here imports a notebook.
"""
