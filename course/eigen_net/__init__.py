"""Chapter 7, the eigenvector network: a network trained by power iteration to find an
eigenfunction of the operator ``T f(x) = f(Ax) + f(Bx)`` on unit vectors x.

The problem of the eigenvector-network video: for orthogonal h x h matrices ``A`` and
``B``, find a function f on the unit sphere with mean 0 and ``f(x) = c (f(Ax) + f(Bx))``.
Writing ``λ = 1/c`` this is the eigenvalue problem ``T f = λ f``. The chapter solves it
twice, exactly and with a network, and one module holds each idea, in the chapter's order:

* `matrices`: A and B (random orthogonal matrices, and two hand-made pairs), points on
  the sphere.
* `spectra`: T, and its exact eigenvalues degree by degree: ``Aᵀ + Bᵀ`` for linear f,
  ``M ↦ AᵀMA + BᵀMB`` for quadratic f (209 x 209 for h = 20), harmonic polynomials of
  any degree (1,520 x 1,520 for cubics); the classical power iteration.
* `network`: the video's network N (`EigenNet`) and R², the squared correlation.
* `training`: one step of the power iteration on R² (`r2_step`: targets
  ``y_j = N(A x_j) + N(B x_j)`` from the current network, held fixed, then a step that
  increases R²(N(x), y)), repeated by `train_eigen_net`. Because the data are remade from N
  every step this is a power iteration. Then ``f = N − E[N(X)]``.
* `analysis`: what N computes (its eigenvalue, its linear and quadratic parts) and what
  its skip matrices look like (rank, equality, principal angles, oscillation).
* `experiment`: one random seed end to end (`run_seed`) and the chapter's table.

Symbols are the video's: h (input dimension, 20), m (width, 40), r (points per step, 20),
A, B, λ. Points x are rows: a batch X is ``(n, h)`` and "A x" for every row is
``X @ A.T``. Torch runs on the CPU in float32; the exact spectra use numpy float64.
Everything below is importable from ``course.eigen_net`` itself.
"""

from ..threads import one_thread
from .analysis import (Evaluation, Oscillation, column_space, cosine, effective_rank,
                       energy_share, estimate_lambda, evaluate, even_share, linear_part,
                       oscillation_detector, principal_cosines, quadratic_part, relative_distance,
                       singular_values, skip_rgb)
from .experiment import CONTROL_GROUPS, SeedReport, load_controls, run_seed, seeds_table
from .matrices import (KINDS, check_orthogonal, mirror_pair, near_negative, random_orthogonal,
                       random_pair, random_unit_vectors)
from .network import EigenNet, r_squared
from .spectra import (HarmonicBasis, Spectrum, apply_T, eigen_residual, harmonic_basis,
                      harmonic_operator, harmonic_spectrum, linear_spectrum, power_iteration,
                      quadratic_map, quadratic_operator, quadratic_spectrum, subspace_share,
                      symmetric_traceless_basis)
from .training import History, PlainGradientStep, r2_step, train_eigen_net

__all__ = ["KINDS", "one_thread", "random_orthogonal", "random_pair", "near_negative",
           "mirror_pair", "check_orthogonal", "random_unit_vectors", "apply_T", "Spectrum",
           "linear_spectrum", "symmetric_traceless_basis", "quadratic_map", "quadratic_operator",
           "quadratic_spectrum", "power_iteration", "EigenNet", "r_squared", "History",
           "train_eigen_net", "estimate_lambda", "Evaluation", "evaluate", "linear_part",
           "quadratic_part", "even_share", "cosine", "effective_rank", "singular_values",
           "relative_distance", "Oscillation", "oscillation_detector", "eigen_residual",
           "subspace_share", "skip_rgb", "energy_share", "SeedReport", "run_seed", "seeds_table",
           "HarmonicBasis", "harmonic_basis", "harmonic_operator", "harmonic_spectrum",
           "column_space", "principal_cosines", "r2_step", "PlainGradientStep", "CONTROL_GROUPS",
           "load_controls"]
