"""Attempts at ch05b.fgsm, written from the question and the notebook only."""

import torch
import torch.nn.functional as F


def right_autograd(model, x, y, eps):
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def right_backward(model, x, y, eps):
    model = model.eval()
    x_adv = x.detach().clone()
    x_adv.requires_grad = True
    F.cross_entropy(model(x_adv), y, reduction="mean").backward()   # the mean: same signs
    with torch.no_grad():
        out = torch.clamp(x_adv + eps * torch.sign(x_adv.grad), min=0.0, max=1.0)
    model.zero_grad(set_to_none=True)
    return out


def right_loop(model, x, y, eps):
    model.eval()
    rows = []
    for i in range(x.shape[0]):
        xi = x[i:i + 1].detach().clone().requires_grad_(True)
        li = F.cross_entropy(model(xi), y[i:i + 1])
        (gi,) = torch.autograd.grad(li, xi)
        rows.append(torch.clamp(xi.detach() + eps * gi.sign(), 0, 1))
    return torch.cat(rows, dim=0)


def wrong_no_eval(model, x, y, eps):
    """Forgets model.eval(): attacks the network in training mode (dropout/batch norm on)."""
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_descent(model, x, y, eps):
    """Steps against the gradient (x - eps*sign), lowering the loss instead of raising it."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x - eps * grad.sign()).clamp(0, 1).detach()


def wrong_raw_gradient(model, x, y, eps):
    """Uses eps times the gradient itself, forgetting the sign."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """Forgets the clip into [0, 1]."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).detach()


def wrong_in_place(model, x, y, eps):
    """Adds the step to x in place, changing the caller's digits."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    with torch.no_grad():
        x += eps * grad.sign()
        x.clamp_(0, 1)
    return x


def wrong_softmax_first(model, x, y, eps):
    """Applies softmax to the logits before cross_entropy (a softmax twice)."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(torch.softmax(model(pixels), dim=1), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_not_detached(model, x, y, eps):
    """Builds x' from the tracked copy and returns it with its gradient history."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (pixels + eps * grad.sign()).clamp(0, 1)
