import torch
import torch.nn.functional as F


def right_min_max(model, x_adv, x, y, eps, alpha):
    z = x_adv.clone().requires_grad_(True)
    loss = F.cross_entropy(model(z), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, z)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def right_delta(model, x_adv, x, y, eps, alpha):
    z = x_adv.detach().clone()
    z.requires_grad_()
    F.cross_entropy(model(z), y).backward()
    stepped = x_adv.detach() + alpha * z.grad.sign()
    delta = torch.clamp(stepped - x, -eps, eps)
    return torch.clamp(x + delta, 0.0, 1.0).detach()


def right_tensor_clamp(model, x_adv, x, y, eps, alpha):
    z = x_adv.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(z), y, reduction="sum"), z)
    with torch.no_grad():
        out = torch.clamp(x_adv + alpha * torch.sign(g), min=x - eps, max=x + eps)
        out = torch.clamp(out, min=0, max=1)
    return out


def wrong_grad_at_x(model, x_adv, x, y, eps, alpha):
    """Takes the gradient at the original digit x instead of at x_adv."""
    z = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(z), y, reduction="sum"), z)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_box_around_x_adv(model, x_adv, x, y, eps, alpha):
    """Projects into the box around the current image x_adv instead of the original digit x."""
    z = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(z), y, reduction="sum"), z)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x_adv - eps), x_adv + eps)
    return new.clamp(0, 1).detach()


def wrong_step_eps(model, x_adv, x, y, eps, alpha):
    """Steps by eps (the FGSM size) instead of alpha."""
    z = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(z), y, reduction="sum"), z)
    new = x_adv + eps * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_no_unit_clip(model, x_adv, x, y, eps, alpha):
    """Projects into the eps-box but forgets the clip into [0, 1]."""
    z = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(z), y, reduction="sum"), z)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.detach()


def wrong_no_box(model, x_adv, x, y, eps, alpha):
    """Forgets the projection into the eps-box; only clips into [0, 1]."""
    z = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(z), y, reduction="sum"), z)
    return (x_adv + alpha * grad.sign()).clamp(0, 1).detach()


def wrong_in_place(model, x_adv, x, y, eps, alpha):
    """Updates x_adv in place (the caller's tensor changes)."""
    x_adv.requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x_adv), y, reduction="sum"), x_adv)
    x_adv.requires_grad_(False)
    with torch.no_grad():
        x_adv += alpha * grad.sign()
        x_adv.copy_(torch.minimum(torch.maximum(x_adv, x - eps), x + eps))
        x_adv.clamp_(0, 1)
    return x_adv


def wrong_raw_gradient(model, x_adv, x, y, eps, alpha):
    """Steps by alpha times the gradient itself, not its sign."""
    z = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(z), y, reduction="sum"), z)
    new = x_adv + alpha * grad
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()
