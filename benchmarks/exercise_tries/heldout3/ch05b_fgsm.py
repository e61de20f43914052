import torch
import torch.nn.functional as F


def right_autograd(model, x, y, eps):
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def right_backward_mean(model, x, y, eps):
    model.eval()
    xx = x.detach().clone()
    xx.requires_grad = True
    loss = torch.nn.CrossEntropyLoss()(model(xx), y)   # the mean: the sign does not care
    loss.backward()
    out = x.detach() + eps * torch.sign(xx.grad)
    return torch.clip(out, min=0.0, max=1.0)


def right_per_digit(model, x, y, eps):
    model.eval()
    rows = []
    for i in range(x.shape[0]):
        xi = x[i:i + 1].clone().requires_grad_(True)
        li = F.cross_entropy(model(xi), y[i:i + 1])
        (gi,) = torch.autograd.grad(li, xi)
        rows.append(torch.clamp(x[i:i + 1] + eps * gi.sign(), 0, 1))
    return torch.cat(rows).detach()


def wrong_no_eval(model, x, y, eps):
    """Forgets model.eval(): the gradient is taken with the network in training mode (dropout on)."""
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_raw_gradient(model, x, y, eps):
    """Steps along the gradient itself, not its sign."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad).clamp(0, 1).detach()


def wrong_descent(model, x, y, eps):
    """Sign flipped: x - eps*sign(grad) lowers the loss (training habit) instead of raising it."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x - eps * grad.sign()).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """Forgets the clip into [0, 1]."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).detach()


def wrong_in_place(model, x, y, eps):
    """Marks x itself for gradients and updates it in place, changing the caller's digits."""
    model.eval()
    x.requires_grad_(True)
    loss = F.cross_entropy(model(x), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, x)
    x.requires_grad_(False)
    with torch.no_grad():
        x += eps * grad.sign()
        x.clamp_(0, 1)
    return x


def wrong_nll_on_logits(model, x, y, eps):
    """Uses nll_loss on the raw logits (no log-softmax): the loss is -logit_y, not the cross-entropy."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.nll_loss(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_not_detached(model, x, y, eps):
    """Builds x' from the tracked copy and returns it with its gradient history (no detach)."""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (pixels + eps * grad.sign()).clamp(0, 1)
