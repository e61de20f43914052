"""Attempts at ch05b.pgd_step, written from the question and the notebook only."""

import torch
import torch.nn.functional as F


def right_minmax(model, x_adv, x, y, eps, alpha):
    pixels = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def right_delta(model, x_adv, x, y, eps, alpha):
    cur = x_adv.detach().clone()
    cur.requires_grad_(True)
    F.cross_entropy(model(cur), y).backward()
    with torch.no_grad():
        stepped = cur + alpha * cur.grad.sign()
        delta = (stepped - x).clamp(-eps, eps)          # the box around the original digit
        out = (x + delta).clamp(0.0, 1.0)
    return out


def right_clamp_tensors(model, x_adv, x, y, eps, alpha):
    x_adv_ = x_adv.detach().requires_grad_(True)
    g, = torch.autograd.grad(F.cross_entropy(model(x_adv_), y, reduction="sum"), x_adv_)
    out = torch.clamp(x_adv.detach() + alpha * torch.sign(g), min=0, max=1)   # [0, 1] first
    return torch.clamp(out, min=x - eps, max=x + eps).detach()


def wrong_grad_at_x(model, x_adv, x, y, eps, alpha):
    """Takes the gradient at the original digit x, not at x_adv."""
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_box_around_x_adv(model, x_adv, x, y, eps, alpha):
    """Projects into the box around the current image x_adv instead of the original x."""
    pixels = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x_adv - eps), x_adv + eps)
    return new.clamp(0, 1).detach()


def wrong_no_unit_clip(model, x_adv, x, y, eps, alpha):
    """Projects into the eps box but forgets the clip into [0, 1]."""
    pixels = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    new = x_adv + alpha * grad.sign()
    return torch.minimum(torch.maximum(new, x - eps), x + eps).detach()


def wrong_no_box(model, x_adv, x, y, eps, alpha):
    """Forgets the projection into the eps box; only clips into [0, 1]."""
    pixels = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x_adv + alpha * grad.sign()).clamp(0, 1).detach()


def wrong_step_eps(model, x_adv, x, y, eps, alpha):
    """Steps by eps (the budget) instead of alpha (the step size)."""
    pixels = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    new = x_adv + eps * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_step_from_x(model, x_adv, x, y, eps, alpha):
    """Steps from the original digit x instead of from x_adv (gradient at x_adv)."""
    pixels = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    new = x + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_in_place(model, x_adv, x, y, eps, alpha):
    """Updates x_adv in place, changing the caller's tensor."""
    pixels = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    with torch.no_grad():
        x_adv += alpha * grad.sign()
        x_adv.copy_(torch.minimum(torch.maximum(x_adv, x - eps), x + eps))
        x_adv.clamp_(0, 1)
    return x_adv
