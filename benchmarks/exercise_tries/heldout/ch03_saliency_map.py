import numpy as np
import torch


def right_backward(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def right_autograd_grad(model, image, c):
    x = torch.from_numpy(image.astype(np.float32) / 255).reshape(1, -1)
    x.requires_grad_(True)
    score = model(x)[:, c].sum()
    (g,) = torch.autograd.grad(score, x)
    return g.detach().numpy().reshape(image.shape)


def right_jacobian(model, image, c):
    x = torch.tensor(image.reshape(1, 784) / 255.0, dtype=torch.float32)
    J = torch.autograd.functional.jacobian(lambda t: model(t)[0], x)   # (10, 1, 784)
    return J[c, 0].reshape(28, 28).numpy()


def wrong_no_scale(model, image, c):
    """Feeds the raw 0..255 pixels to the network (forgets / 255)."""
    x = torch.tensor(image, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_probability(model, image, c):
    """Differentiates the softmax probability p_c instead of the score (logit) s_c."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    torch.softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_sum_of_scores(model, image, c):
    """Backpropagates the sum of all ten scores instead of s_c alone."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x).sum().backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_grad_of_raw_pixels(model, image, c):
    """Makes the raw 0..255 tensor the leaf and divides by 255 after: the gradient is by the raw pixel (1/255 too small)."""
    raw = torch.tensor(image, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(raw / 255)[0, c].backward()
    return raw.grad.reshape(28, 28).numpy()


def wrong_flat(model, image, c):
    """Returns the 784 derivatives flat instead of as a (28, 28) map."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad[0].numpy()


def wrong_predicted_class(model, image, c):
    """Uses the predicted class (argmax) instead of the class c asked for."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    out = model(x)
    out[0, out.argmax()].backward()
    return x.grad.reshape(28, 28).numpy()


def wrong_absolute(model, image, c):
    """Returns |d s_c / d x| (the absolute value, as some saliency papers draw it)."""
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.abs().reshape(28, 28).numpy()
