import torch
import torch.nn.functional as F


def _grad(model, x_at, y):
    xr = x_at.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xr), y, reduction="sum"), xr)
    return g


def right_minmax(model, x_adv, x, y, eps, alpha):
    g = _grad(model, x_adv, y)
    new = x_adv + alpha * g.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def right_delta(model, x_adv, x, y, eps, alpha):
    xr = x_adv.clone().detach().requires_grad_()
    F.cross_entropy(model(xr), y).backward()
    with torch.no_grad():
        delta = (xr + alpha * xr.grad.sign() - x).clamp(-eps, eps)
        return torch.clamp(x + delta, 0.0, 1.0)


def right_tensor_clamp(model, x_adv, x, y, eps, alpha):
    g = _grad(model, x_adv, y)
    stepped = (x_adv + alpha * torch.sign(g)).detach()
    lo = torch.clamp(x - eps, min=0.0)
    hi = torch.clamp(x + eps, max=1.0)
    return torch.clamp(stepped, min=lo, max=hi)


def wrong_grad_at_x(model, x_adv, x, y, eps, alpha):
    """takes the gradient at the original x instead of at x_adv"""
    g = _grad(model, x, y)
    new = x_adv + alpha * g.sign()
    return torch.minimum(torch.maximum(new, x - eps), x + eps).clamp(0, 1).detach()


def wrong_box_around_adv(model, x_adv, x, y, eps, alpha):
    """projects into the box around x_adv instead of around the original digit x"""
    g = _grad(model, x_adv, y)
    new = x_adv + alpha * g.sign()
    return torch.minimum(torch.maximum(new, x_adv - eps), x_adv + eps).clamp(0, 1).detach()


def wrong_no_box(model, x_adv, x, y, eps, alpha):
    """forgets the projection into [x - eps, x + eps]; clips into [0, 1] only"""
    g = _grad(model, x_adv, y)
    return (x_adv + alpha * g.sign()).clamp(0, 1).detach()


def wrong_no_unit_clip(model, x_adv, x, y, eps, alpha):
    """projects into the eps box but forgets the clip into [0, 1]"""
    g = _grad(model, x_adv, y)
    new = x_adv + alpha * g.sign()
    return torch.minimum(torch.maximum(new, x - eps), x + eps).detach()


def wrong_step_eps(model, x_adv, x, y, eps, alpha):
    """steps by eps (FGSM's size) instead of alpha"""
    g = _grad(model, x_adv, y)
    new = x_adv + eps * g.sign()
    return torch.minimum(torch.maximum(new, x - eps), x + eps).clamp(0, 1).detach()


def wrong_raw_gradient(model, x_adv, x, y, eps, alpha):
    """steps by alpha times the gradient, not its sign"""
    g = _grad(model, x_adv, y)
    new = x_adv + alpha * g
    return torch.minimum(torch.maximum(new, x - eps), x + eps).clamp(0, 1).detach()


def wrong_inplace(model, x_adv, x, y, eps, alpha):
    """updates the caller's x_adv in place"""
    g = _grad(model, x_adv, y)
    with torch.no_grad():
        x_adv.add_(alpha * g.sign())
        x_adv.copy_(torch.minimum(torch.maximum(x_adv, x - eps), x + eps).clamp(0, 1))
    return x_adv.detach()
