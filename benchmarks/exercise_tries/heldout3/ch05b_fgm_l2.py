import torch
import torch.nn.functional as F


def right_norm_keepdim(model, x, y, eps):
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    step = grad / grad.norm(dim=1, keepdim=True)
    return (x + eps * step).clamp(0, 1).detach()


def right_loop(model, x, y, eps):
    model.eval()
    out = torch.empty_like(x)
    for i in range(len(x)):
        xi = x[i].unsqueeze(0).clone().requires_grad_(True)
        loss = F.cross_entropy(model(xi), y[i].unsqueeze(0))
        (g,) = torch.autograd.grad(loss, xi)
        g = g[0]
        out[i] = torch.clamp(x[i] + eps * g / torch.linalg.vector_norm(g), 0, 1)
    return out.detach()


def right_normalize_mean(model, x, y, eps):
    model.eval()
    xx = x.detach().clone().requires_grad_(True)
    F.cross_entropy(model(xx), y).backward()            # mean loss: scale cancels in g/|g|
    g = xx.grad
    unit = g / torch.sqrt((g ** 2).sum(dim=1, keepdim=True))
    return torch.clip(x.detach() + eps * unit, 0, 1)


def wrong_sign(model, x, y, eps):
    """Uses the sign of the gradient (the L-infinity FGSM step) instead of g/||g||."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(pixels), y, reduction="sum"), pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_batch_norm(model, x, y, eps):
    """Divides by the norm of the whole batch's gradient, not each digit's own."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(pixels), y, reduction="sum"), pixels)
    return (x + eps * grad / grad.norm()).clamp(0, 1).detach()


def wrong_axis0(model, x, y, eps):
    """Takes the norm over the wrong axis (dim=0: per pixel across digits)."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(pixels), y, reduction="sum"), pixels)
    return (x + eps * grad / grad.norm(dim=0, keepdim=True)).clamp(0, 1).detach()


def wrong_squared_norm(model, x, y, eps):
    """Divides by the squared length ||g||^2 instead of ||g||."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(pixels), y, reduction="sum"), pixels)
    return (x + eps * grad / (grad ** 2).sum(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """Forgets to keep the pixels in [0, 1]."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(pixels), y, reduction="sum"), pixels)
    return (x + eps * grad / grad.norm(dim=1, keepdim=True)).detach()


def wrong_predicted_labels(model, x, y, eps):
    """Attacks the network's own predictions (argmax) instead of the true labels y."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    logits = model(pixels)
    (grad,) = torch.autograd.grad(F.cross_entropy(logits, logits.argmax(1), reduction="sum"), pixels)
    return (x + eps * grad / grad.norm(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_l1_norm(model, x, y, eps):
    """Divides by the L1 length (sum of |g|) instead of the L2 length."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(pixels), y, reduction="sum"), pixels)
    return (x + eps * grad / grad.abs().sum(dim=1, keepdim=True)).clamp(0, 1).detach()
