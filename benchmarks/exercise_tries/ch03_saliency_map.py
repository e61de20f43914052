"""Attempts at ch03.saliency_map, written from the question and the notebook only."""

import numpy as np
import torch


def _input(image):
    return torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784)


def right_backward(model, image, c):
    x = _input(image).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def right_autograd_grad(model, image, c):
    x = torch.tensor(np.asarray(image, dtype=np.float32) / 255).flatten()[None, :]
    x.requires_grad_(True)
    (g,) = torch.autograd.grad(model(x)[:, c].sum(), x)
    return g.detach().numpy().reshape(image.shape)


def right_jacobian(model, image, c):
    x = _input(image)
    jac = torch.autograd.functional.jacobian(lambda t: model(t)[0], x)   # (10, 1, 784)
    return jac[c, 0].reshape(28, 28).numpy()


def wrong_probability(model, image, c):
    """Differentiates the softmax probability p_c instead of the score (logit) s_c."""
    x = _input(image).requires_grad_(True)
    torch.softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_predicted_class(model, image, c):
    """Explains the predicted class (argmax of the scores) instead of the class c asked for."""
    x = _input(image).requires_grad_(True)
    out = model(x)
    out[0, out.argmax()].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_no_rescale(model, image, c):
    """Feeds the 0..255 pixel values to the network without dividing by 255."""
    x = torch.tensor(image, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_grad_wrt_raw_pixels(model, image, c):
    """Takes the gradient with respect to the 0..255 pixel values (divided by 255 inside): 1/255 too small."""
    raw = torch.tensor(image, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(raw / 255)[0, c].backward()
    return raw.grad.reshape(28, 28).numpy()


def wrong_gradient_times_input(model, image, c):
    """Returns gradient × input instead of the plain gradient d s_c / d x."""
    x = _input(image).requires_grad_(True)
    model(x)[0, c].backward()
    return (x.grad * x).detach().reshape(28, 28).numpy()


def wrong_absolute(model, image, c):
    """Returns the absolute value |d s_c / d x|, dropping the sign."""
    x = _input(image).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.abs().reshape(28, 28).numpy()


def wrong_sum_of_scores(model, image, c):
    """Calls backward on the sum of all ten scores instead of on s_c."""
    x = _input(image).requires_grad_(True)
    model(x).sum().backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_flat(model, image, c):
    """Returns the 784 derivatives as a flat (784,) array (or (1, 784)), not as (28, 28)."""
    x = _input(image).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.numpy()


def wrong_transposed(model, image, c):
    """Reshapes the gradient and transposes it (.T), swapping rows and columns."""
    x = _input(image).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).T.numpy()
