import torch
import torch.nn.functional as F


def right_autograd(model, x, y, eps):
    model.eval()
    xx = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xx), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xx)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def right_backward_mean(model, x, y, eps):
    model.eval()
    xx = x.detach().clone()
    xx.requires_grad = True
    F.cross_entropy(model(xx), y).backward()         # the mean: the sign is the same
    with torch.no_grad():
        out = torch.clamp(x + eps * torch.sign(xx.grad), 0.0, 1.0)
    return out


def right_manual_log_softmax(model, x, y, eps):
    model.train(False)
    xx = x.clone().requires_grad_(True)
    logp = torch.log_softmax(model(xx), dim=1)
    loss = -logp[torch.arange(len(y)), y].sum()
    g = torch.autograd.grad(loss, xx)[0]
    step = torch.where(g > 0, eps, torch.where(g < 0, -eps, 0.0))
    return torch.minimum(torch.maximum(x + step, torch.zeros_like(x)), torch.ones_like(x)).detach()


def wrong_no_eval(model, x, y, eps):
    """Forgets model.eval(): the gradient is taken with dropout / batch-norm in training mode."""
    xx = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(xx), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xx)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_minus_sign(model, x, y, eps):
    """Steps against the gradient (x - eps * sign), which lowers the loss instead of raising it."""
    model.eval()
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x - eps * grad.sign()).clamp(0, 1).detach()


def wrong_gradient_not_sign(model, x, y, eps):
    """Steps by eps times the gradient itself, forgetting the sign()."""
    model.eval()
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x + eps * grad).clamp(0, 1).detach()


def wrong_nll_on_logits(model, x, y, eps):
    """Uses F.nll_loss on the raw logits (forgets log_softmax), so the loss is minus the true logit."""
    model.eval()
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.nll_loss(model(xx), y, reduction="sum"), xx)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_predicted_labels(model, x, y, eps):
    """Attacks the network's own predictions (argmax) instead of the true labels y."""
    model.eval()
    xx = x.clone().requires_grad_(True)
    logits = model(xx)
    loss = F.cross_entropy(logits, logits.argmax(1).detach(), reduction="sum")
    (grad,) = torch.autograd.grad(loss, xx)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_clip_the_step(model, x, y, eps):
    """Misplaced brackets: clips the perturbation eps*sign into [0, 1], not the image."""
    model.eval()
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x + (eps * grad.sign()).clamp(0, 1)).detach()


def wrong_in_place_on_x(model, x, y, eps):
    """Adds the step to the given x in place (x += ...), changing the caller's digits."""
    model.eval()
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    with torch.no_grad():
        x += eps * grad.sign()
        x.clamp_(0, 1)
    return x
