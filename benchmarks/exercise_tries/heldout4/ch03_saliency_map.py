import numpy as np
import torch


def right_backward(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784)
    x.requires_grad_(True)
    scores = model(x)
    scores[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def right_autograd_grad(model, image, c):
    x = torch.from_numpy(np.asarray(image, dtype=np.float32) / 255.0).reshape(1, -1).requires_grad_(True)
    (g,) = torch.autograd.grad(model(x)[:, c].sum(), x)
    return g.detach().numpy().reshape(image.shape)


def right_jacobian_row(model, image, c):
    x = torch.as_tensor(np.asarray(image), dtype=torch.float32).flatten()[None] / 255.0
    jac = torch.autograd.functional.jacobian(lambda v: model(v)[0], x)  # (10, 1, 784)
    return jac[c, 0].reshape(28, 28).numpy()


def wrong_no_scaling(model, image, c):
    """Feeds raw 0..255 pixel values to the network instead of image / 255."""
    x = torch.tensor(image, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_softmax_probability(model, image, c):
    """Gradient of the softmax probability p_c instead of the score (logit) s_c."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    torch.softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_log_softmax(model, image, c):
    """Gradient of log p_c (log_softmax) instead of the raw score s_c."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    torch.log_softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_sum_of_scores(model, image, c):
    """Backpropagates the sum of all ten scores, not the score of class c."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x).sum().backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_predicted_class(model, image, c):
    """Ignores c and takes the gradient of the predicted (highest) class's score."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    scores = model(x)
    scores[0, scores[0].argmax()].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_gradient_times_input(model, image, c):
    """Returns gradient × input (multiplies by the pixel values) instead of the gradient."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return (x.grad * x.detach()).reshape(28, 28).numpy()


def wrong_absolute_value(model, image, c):
    """Returns the absolute value of the gradient, losing its sign."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.abs().reshape(28, 28).numpy()
