import numpy as np
import torch
import torch.nn.functional as F


def right_minmax(model, x_adv, x, y, eps, alpha):
    xa = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xa), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xa)
    new = x_adv.detach() + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def right_delta_clamp(model, x_adv, x, y, eps, alpha):
    model.eval()
    xa = x_adv.detach().clone()
    xa.requires_grad_()
    loss = F.cross_entropy(model(xa), y)
    loss.backward()
    stepped = xa.detach() + alpha * xa.grad.sign()
    delta = (stepped - x).clamp(-eps, eps)
    model.zero_grad(set_to_none=True)
    return (x + delta).clamp(0.0, 1.0).detach()


def right_tensor_clamp(model, x_adv, x, y, eps, alpha):
    with torch.enable_grad():
        xa = x_adv.detach().clone().requires_grad_(True)
        logp = F.log_softmax(model(xa), dim=1)
        loss = F.nll_loss(logp, y, reduction="sum")
        g = torch.autograd.grad(loss, xa)[0]
    out = torch.clamp(xa.detach() + alpha * torch.sign(g), min=x - eps, max=x + eps)
    return torch.clamp(out, 0, 1)


def wrong_grad_at_x(model, x_adv, x, y, eps, alpha):
    """takes the gradient at the original digit x instead of at x_adv"""
    xr = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xr), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xr)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_box_around_x_adv(model, x_adv, x, y, eps, alpha):
    """projects into the box around the current x_adv instead of the original x"""
    xa = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xa), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xa)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x_adv - eps), x_adv + eps)
    return new.clamp(0, 1).detach()


def wrong_no_unit_clip(model, x_adv, x, y, eps, alpha):
    """projects into the ε-box but forgets the clip into [0, 1]"""
    xa = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xa), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xa)
    new = x_adv + alpha * grad.sign()
    return torch.minimum(torch.maximum(new, x - eps), x + eps).detach()


def wrong_no_box(model, x_adv, x, y, eps, alpha):
    """forgets the projection into [x − ε, x + ε], clips only into [0, 1]"""
    xa = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xa), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xa)
    return (x_adv + alpha * grad.sign()).clamp(0, 1).detach()


def wrong_step_eps(model, x_adv, x, y, eps, alpha):
    """steps by ε instead of α"""
    xa = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xa), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xa)
    new = x_adv + eps * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_inplace_x_adv(model, x_adv, x, y, eps, alpha):
    """updates x_adv in place (and leaves it requiring grad) instead of a copy"""
    x_adv.requires_grad_(True)
    loss = F.cross_entropy(model(x_adv), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, x_adv)
    with torch.no_grad():
        x_adv += alpha * grad.sign()
        x_adv.copy_(torch.minimum(torch.maximum(x_adv, x - eps), x + eps))
        x_adv.clamp_(0, 1)
    return x_adv.detach()


def wrong_returns_delta(model, x_adv, x, y, eps, alpha):
    """returns the perturbation x_adv' − x instead of the new image"""
    xa = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xa), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xa)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps).clamp(0, 1)
    return (new - x).detach()
