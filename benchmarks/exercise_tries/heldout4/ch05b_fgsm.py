import numpy as np
import torch
import torch.nn.functional as F


def right_autograd_sum(model, x, y, eps):
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def right_backward_mean(model, x, y, eps):
    model.eval()
    x_ = x.detach().clone()
    x_.requires_grad = True
    loss = torch.nn.CrossEntropyLoss()(model(x_), y)   # mean: a positive factor, same sign
    loss.backward()
    out = torch.clamp(x_.detach() + eps * x_.grad.sign(), 0, 1)
    model.zero_grad(set_to_none=True)
    return out


def right_manual_logsoftmax(model, x, y, eps):
    model.train(False)
    xr = x.detach().clone().requires_grad_()
    logp = torch.log_softmax(model(xr), dim=1)
    loss = -logp[torch.arange(len(y)), y].sum()
    g = torch.autograd.grad(loss, xr)[0]
    step = x.detach() + eps * torch.sign(g)
    return torch.minimum(torch.maximum(step, torch.zeros_like(step)), torch.ones_like(step))


def wrong_no_eval(model, x, y, eps):
    """forgets model.eval(): attacks the network in whatever mode it came in (training mode)"""
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_descends(model, x, y, eps):
    """sign error: subtracts ε·sign(∇L), lowering the loss instead of raising it"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x - eps * grad.sign()).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """forgets the clip into [0, 1]"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).detach()


def wrong_raw_gradient(model, x, y, eps):
    """steps along ε·∇L itself, without taking the sign"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad).clamp(0, 1).detach()


def wrong_inplace_on_x(model, x, y, eps):
    """x.detach() shares storage with x: the in-place step and clamp change the caller's x"""
    model.eval()
    x_adv = x.detach()
    x_adv.requires_grad_(True)
    loss = F.cross_entropy(model(x_adv), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, x_adv)
    with torch.no_grad():
        x_adv += eps * grad.sign()
        x_adv.clamp_(0, 1)
    return x_adv.detach()


def wrong_predicted_labels(model, x, y, eps):
    """uses the network's own predictions (argmax) as the labels instead of the true y"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    logits = model(pixels)
    y_hat = logits.argmax(dim=1).detach()
    loss = F.cross_entropy(logits, y_hat, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_not_detached(model, x, y, eps):
    """builds the result from the tracked copy and returns it with its gradient history"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (pixels + eps * grad.sign()).clamp(0, 1)
