import numpy as np
import torch


def _pixels(image):
    return torch.tensor(np.asarray(image).reshape(1, 784) / 255.0, dtype=torch.float32)


def right_backward(model, image, c):
    x = _pixels(image).requires_grad_(True)
    score = model(x)[0, c]
    score.backward()
    return x.grad.reshape(28, 28).numpy()


def right_autograd_grad(model, image, c):
    x = torch.from_numpy(image.astype(np.float32) / np.float32(255.0)).reshape(1, 784)
    x.requires_grad_(True)
    grad, = torch.autograd.grad(model(x)[:, c].sum(), x)
    return grad.detach().numpy().reshape(28, 28)


def right_jacobian(model, image, c):
    x = _pixels(image)
    jac = torch.autograd.functional.jacobian(lambda v: model(v)[0], x)  # (10, 1, 784)
    return jac[c, 0].reshape(28, 28).numpy()


def wrong_unscaled_input(model, image, c):
    """Feeds the raw 0..255 pixel values to the network instead of pixels in [0, 1]."""
    x = torch.tensor(np.asarray(image).reshape(1, 784), dtype=torch.float32).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_grad_wrt_raw_pixels(model, image, c):
    """Differentiates with respect to the 0..255 pixel values (dividing by 255 inside the graph), so the map is 255 times too small."""
    raw = torch.tensor(np.asarray(image).reshape(1, 784), dtype=torch.float32).requires_grad_(True)
    model(raw / 255.0)[0, c].backward()
    return raw.grad.reshape(28, 28).numpy()


def wrong_probability(model, image, c):
    """Takes the gradient of the softmax probability p_c instead of the score (logit) s_c."""
    x = _pixels(image).requires_grad_(True)
    torch.softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_sum_of_scores(model, image, c):
    """Backpropagates the sum of all ten scores instead of picking class c."""
    x = _pixels(image).requires_grad_(True)
    model(x).sum().backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_gradient_times_input(model, image, c):
    """Returns gradient × input (multiplied by the pixel values) instead of the gradient itself."""
    x = _pixels(image).requires_grad_(True)
    model(x)[0, c].backward()
    return (x.grad * x.detach()).reshape(28, 28).numpy()


def wrong_absolute_value(model, image, c):
    """Returns the absolute value of the gradient (the classic saliency picture) and loses its sign."""
    x = _pixels(image).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.abs().reshape(28, 28).numpy()


def wrong_transposed(model, image, c):
    """Transposes the map when putting it back into 28 x 28 (column-major reshape)."""
    x = _pixels(image).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy().T
