import numpy as np
import torch


def right_autograd(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def right_autograd_grad(model, image, c):
    x = torch.from_numpy(image.astype(np.float32) / 255).view(1, -1)
    x.requires_grad_(True)
    (g,) = torch.autograd.grad(model(x)[:, c].sum(), x)
    return g.detach().numpy().reshape(image.shape)


def right_jacobian(model, image, c):
    x = torch.tensor(image.reshape(1, 784) / 255.0, dtype=torch.float32)
    J = torch.autograd.functional.jacobian(lambda t: model(t)[0], x)
    return J[c].reshape(28, 28).numpy()


def wrong_no_rescale(model, image, c):
    """Feeds the pixels as 0..255 instead of [0, 1]."""
    x = torch.tensor(image, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_probability(model, image, c):
    """Differentiates the softmax probability p_c instead of the score s_c."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    torch.softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_log_softmax(model, image, c):
    """Differentiates log p_c (log-softmax) instead of the score s_c."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    torch.log_softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_sum_of_scores(model, image, c):
    """Backpropagates the sum of all ten scores instead of s_c alone."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x).sum().backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_predicted_class(model, image, c):
    """Uses the predicted class (argmax) instead of the class c asked for."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    s = model(x)
    s[0, s.argmax()].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_times_input(model, image, c):
    """Multiplies the gradient by the input (gradient x input) instead of the plain gradient."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return (x.grad * x).detach().reshape(28, 28).numpy()


def wrong_flat(model, image, c):
    """Returns the gradient flat, shape (1, 784), not reshaped to (28, 28)."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.numpy()
