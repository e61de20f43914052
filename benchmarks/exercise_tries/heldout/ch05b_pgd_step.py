import torch
import torch.nn.functional as F


def right_min_max(model, x_adv, x, y, eps, alpha):
    xa = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xa), y, reduction="sum"), xa)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def right_clamp_delta(model, x_adv, x, y, eps, alpha):
    xa = x_adv.detach().clone()
    xa.requires_grad_(True)
    F.cross_entropy(model(xa), y).backward()
    with torch.no_grad():
        stepped = xa + alpha * xa.grad.sign()
        delta = (stepped - x).clamp(-eps, eps)
        out = (x + delta).clamp(0.0, 1.0)
    return out.detach()


def right_tensor_clamp(model, x_adv, x, y, eps, alpha):
    xa = x_adv.clone().requires_grad_(True)
    logp = torch.log_softmax(model(xa), dim=1)
    loss = -logp.gather(1, y.view(-1, 1)).sum()
    g, = torch.autograd.grad(loss, xa)
    out = torch.clamp(x_adv + alpha * torch.sign(g), min=x - eps, max=x + eps)
    return torch.clamp(out, 0, 1).detach()


def wrong_gradient_at_x(model, x_adv, x, y, eps, alpha):
    """Takes the gradient at the original digit x instead of at x_adv."""
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_box_around_x_adv(model, x_adv, x, y, eps, alpha):
    """Projects into [x_adv - eps, x_adv + eps], a box around the current image, not the original digit."""
    xa = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xa), y, reduction="sum"), xa)
    new = x_adv + alpha * grad.sign()
    new = torch.minimum(torch.maximum(new, x_adv - eps), x_adv + eps)
    return new.clamp(0, 1).detach()


def wrong_no_box(model, x_adv, x, y, eps, alpha):
    """Forgets the projection into the eps-box around x; only clips into [0, 1]."""
    xa = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xa), y, reduction="sum"), xa)
    return (x_adv + alpha * grad.sign()).clamp(0, 1).detach()


def wrong_no_unit_clip(model, x_adv, x, y, eps, alpha):
    """Projects into the eps-box but forgets to clip into [0, 1]."""
    xa = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xa), y, reduction="sum"), xa)
    new = x_adv + alpha * grad.sign()
    return torch.minimum(torch.maximum(new, x - eps), x + eps).detach()


def wrong_raw_gradient(model, x_adv, x, y, eps, alpha):
    """Steps by alpha times the raw gradient, without sign()."""
    xa = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xa), y, reduction="sum"), xa)
    new = x_adv + alpha * grad
    new = torch.minimum(torch.maximum(new, x - eps), x + eps)
    return new.clamp(0, 1).detach()


def wrong_box_by_scaling(model, x_adv, x, y, eps, alpha):
    """'Projects' by rescaling the whole change x_new - x so its largest pixel is eps, instead of clipping each pixel."""
    xa = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xa), y, reduction="sum"), xa)
    delta = x_adv + alpha * grad.sign() - x
    biggest = delta.abs().amax(dim=1, keepdim=True).clamp_min(1e-12)
    delta = delta * torch.clamp(eps / biggest, max=1.0)
    return (x + delta).clamp(0, 1).detach()


def wrong_in_place_x_adv(model, x_adv, x, y, eps, alpha):
    """Marks and updates the given x_adv itself (requires_grad_ and in-place step), changing the caller's tensor."""
    x_adv.requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x_adv), y, reduction="sum"), x_adv)
    x_adv.requires_grad_(False)
    with torch.no_grad():
        x_adv += alpha * grad.sign()
        x_adv.copy_(torch.minimum(torch.maximum(x_adv, x - eps), x + eps).clamp(0, 1))
    return x_adv
