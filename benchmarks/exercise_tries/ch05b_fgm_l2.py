"""Attempts at ch05b.fgm_l2, written from the question and the notebook only."""

import torch
import torch.nn.functional as F


def _grad(model, x, y):
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return grad


def right_keepdim(model, x, y, eps):
    model.eval()
    grad = _grad(model, x, y)
    step = grad / grad.norm(dim=1, keepdim=True).clamp_min(1e-12)
    return (x + eps * step).clamp(0, 1).detach()


def right_normalize(model, x, y, eps):
    model = model.eval()
    x_req = x.detach().clone().requires_grad_(True)
    F.cross_entropy(model(x_req), y, reduction="sum").backward()
    with torch.no_grad():
        out = torch.clamp(x + eps * F.normalize(x_req.grad, p=2, dim=1), 0.0, 1.0)
    return out


def right_sqrt_loop(model, x, y, eps):
    model.eval()
    out = torch.empty_like(x)
    grad = _grad(model, x, y)
    for i in range(x.shape[0]):
        length = torch.sqrt((grad[i] ** 2).sum())
        out[i] = torch.clamp(x[i] + eps * grad[i] / length, 0, 1)
    return out.detach()


def wrong_sign(model, x, y, eps):
    """Uses the sign of the gradient (the L-infinity / FGSM step) instead of g / ||g||."""
    model.eval()
    grad = _grad(model, x, y)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_batch_norm(model, x, y, eps):
    """Divides by one norm of the whole batch's gradient, not one per digit."""
    model.eval()
    grad = _grad(model, x, y)
    return (x + eps * grad / grad.norm()).clamp(0, 1).detach()


def wrong_norm_dim0(model, x, y, eps):
    """Takes the norm along dim=0 (per pixel over the batch) instead of per digit."""
    model.eval()
    grad = _grad(model, x, y)
    return (x + eps * grad / grad.norm(dim=0)).clamp(0, 1).detach()


def wrong_squared_norm(model, x, y, eps):
    """Divides by the squared length ||g||^2 instead of ||g||."""
    model.eval()
    grad = _grad(model, x, y)
    sq = (grad ** 2).sum(dim=1, keepdim=True)
    return (x + eps * grad / sq).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """Forgets the clip into [0, 1]."""
    model.eval()
    grad = _grad(model, x, y)
    return (x + eps * grad / grad.norm(dim=1, keepdim=True)).detach()


def wrong_unnormalised(model, x, y, eps):
    """Forgets to divide by the length: steps by eps * g."""
    model.eval()
    grad = _grad(model, x, y)
    return (x + eps * grad).clamp(0, 1).detach()


def wrong_descent(model, x, y, eps):
    """Steps against the gradient, lowering the loss."""
    model.eval()
    grad = _grad(model, x, y)
    return (x - eps * grad / grad.norm(dim=1, keepdim=True)).clamp(0, 1).detach()
