/**
 * The PyTorch half of "Export as Python": a script in the style of the tutorial "Logistic
 * Regression with PyTorch" that replays the app's run in float64 and checks itself against the
 * app's weights.
 */
import { dataBlock, usesMiniBatches, type PythonExportInput } from './python-literals.ts';

const HEADER = `# logreg_pytorch.py - exported by logreg-lab ("Export as Python").
#
# Binary logistic regression in PyTorch, in the style of the tutorial "Logistic Regression with
# PyTorch": red = class 0, blue = class 1, p(blue) = sigmoid(w1*x1 + w2*x2 + b) (plus a weight
# for each further feature in FEATURES, e.g. w12*x1*x2).
# It trains on the app's own points and split with the app's hyper-parameters, prints the test
# accuracy every REPORT_EVERY epochs as the tutorial does, then the final weights, the loss and
# the class of the new point, and at the end checks itself against the app's weights.
#
# Needs Python 3.9+ and PyTorch (the CPU build is enough). Run: python logreg_pytorch.py
import torch

# The app's reference engine computes in float64, and so does this script (the tutorial's
# tensors were float32).
torch.set_default_dtype(torch.float64)
`;

const MODEL = `

def features(x):
    """The model's input columns FEATURES, computed from the points' (x1, x2), as the app does."""
    x1, x2 = x[:, 0], x[:, 1]
    columns = {"x1": x1, "x2": x2, "x1**2": x1 * x1, "x2**2": x2 * x2, "x1*x2": x1 * x2}
    return torch.stack([columns[f] for f in FEATURES], dim=1)


X_train = features(torch.tensor(X_TRAIN).reshape(-1, 2))
y_train = torch.tensor(Y_TRAIN, dtype=torch.float64)
X_test = features(torch.tensor(X_TEST).reshape(-1, 2))
y_test = torch.tensor(Y_TEST, dtype=torch.float64)

# "Standardize features" (the app's option): descent runs on each column shifted to mean 0 and
# scaled to SD 1 over the training points (population SD; 1 for a constant column). The model's
# weights w' are then those of the standardized columns; the raw weights are w = w' / SD and
# b = b' - sum(w * MEAN). Off, MEAN = 0 and SD = 1 change nothing.
if STANDARDIZE:
    MEAN = X_train.mean(0)
    SD = X_train.std(0, unbiased=False)
    SD[SD == 0] = 1.0
else:
    MEAN = torch.zeros(X_train.shape[1])
    SD = torch.ones(X_train.shape[1])
X_train = (X_train - MEAN) / SD
X_test = (X_test - MEAN) / SD


class LogisticRegression(torch.nn.Module):
    def __init__(self, input_dim, output_dim):
        super(LogisticRegression, self).__init__()
        self.linear = torch.nn.Linear(input_dim, output_dim)

    def forward(self, x):
        outputs = torch.sigmoid(self.linear(x))
        return outputs


model = LogisticRegression(len(FEATURES), 1)
with torch.no_grad():  # start where the app started (the tutorial: w = 0, b = 0)
    w0 = torch.tensor([INITIAL[k] for k in WEIGHT_NAMES])
    model.linear.weight.copy_((w0 * SD).reshape(1, -1))
    model.linear.bias.copy_(torch.tensor([INITIAL["b"]]) + (w0 * MEAN).sum())

# The tutorial applies BCELoss to the sigmoid's output p. BCEWithLogitsLoss computes the same mean
# binary cross-entropy from the logit z = w.x + b, as the app does: log(1 + e^z) without
# overflow, with gradient exactly p - y. BCELoss is not numerically stable: once p rounds to 1
# (z > 37 in float64) it clamps log(1 - p) at -100 and the gradient vanishes, even for a point
# on the wrong side.
criterion = torch.nn.BCEWithLogitsLoss()


def bce(x, y):
    """Mean binary cross-entropy of the model on (x, y), from the logits."""
    return criterion(model.linear(x).squeeze(1), y)


def objective(x, y):
    """The app's objective J = mean BCE + L2/2 * ||w||^2; the bias is not penalised.

    The L2 term is written out: the optimizers' weight_decay would penalise the bias too.
    """
    return bce(x, y) + 0.5 * L2 * (model.linear.weight / SD).pow(2).sum()


def accuracy(x, y):
    """Share of points classified right: blue where the logit is >= 0, i.e. p >= 0.5.

    (The tutorial's outputs.round() sends p = 0.5 exactly to red; that is the only difference.)
    """
    if len(y) == 0:
        return float("nan")
    with torch.no_grad():
        predicted = (model.linear(x).squeeze(1) >= 0).to(y.dtype)
    return (predicted == y).sum().item() / len(y)


def report(epoch):
    """The tutorial's printout every REPORT_EVERY epochs (the app's reports table)."""
    with torch.no_grad():
        train_loss = bce(X_train, y_train).item()
    print(
        f"Iteration: {epoch}. Test - Accuracy: {100 * accuracy(X_test, y_test):.1f} %."
        f" Train - Loss: {train_loss:.6g}"
    )

`;

const OPTIMIZERS: Record<PythonExportInput['hyper']['optimizer'], string> = {
  sgd: `# Plain gradient descent, as in the tutorial and the app: theta <- theta - lr * grad J.
optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
`,
  momentum: `# Heavy-ball momentum, as in the app: v <- mu * v + grad J; theta <- theta - lr * v.
# With dampening=0 and nesterov=False torch's SGD does exactly that (its first v is grad J).
optimizer = torch.optim.SGD(
    model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM, dampening=0, nesterov=False
)
`,
  adam: `# Adam with bias correction, as in the app: m <- b1*m + (1-b1)*g; v <- b2*v + (1-b2)*g**2;
# theta <- theta - lr * (m / (1 - b1**t)) / (sqrt(v / (1 - b2**t)) + eps).
optimizer = torch.optim.Adam(
    model.parameters(), lr=LEARNING_RATE, betas=(BETA1, BETA2), eps=EPSILON
)
`,
};

const FULL_BATCH_LOOP = `
# Full-batch gradient descent: one step per epoch on all training points, as in the tutorial.
epochs = APP_EPOCH if APP_EPOCH is not None else EPOCHS
for epoch in range(1, epochs + 1):
    optimizer.zero_grad()
    loss = objective(X_train, y_train)
    loss.backward()
    optimizer.step()
    if REPORT_EVERY > 0 and epoch % REPORT_EVERY == 0:
        report(epoch)
`;

const MINI_BATCH_LOOP = `
# Mini-batches of BATCH_SIZE points, reshuffled every epoch by a generator seeded with SEED; the
# last batch of an epoch may be smaller. The app shuffles with its own seeded generator, so the
# batches here hold other points than the app's: expect close, not identical, weights.
epochs = APP_EPOCH if APP_EPOCH is not None else EPOCHS
generator = torch.Generator().manual_seed(SEED)
n_train = len(Y_TRAIN)
for epoch in range(1, epochs + 1):
    order = torch.randperm(n_train, generator=generator)
    for start in range(0, n_train, BATCH_SIZE):
        batch = order[start : start + BATCH_SIZE]
        optimizer.zero_grad()
        loss = objective(X_train[batch], y_train[batch])
        loss.backward()
        optimizer.step()
    if REPORT_EVERY > 0 and epoch % REPORT_EVERY == 0:
        report(epoch)
`;

const RESULTS = `
raw = model.linear.weight.detach()[0] / SD  # the raw features' weights (see STANDARDIZE)
weights = dict(zip(WEIGHT_NAMES, raw.tolist()))
b = (model.linear.bias.detach()[0] - (raw * MEAN).sum()).item()
print()
print(f"After {epochs} epochs:")
for name, value in weights.items():
    print(f"  {name} = {value!r}")
print(f"  b  = {b!r}")
with torch.no_grad():
    print(f"  objective J (train) = {objective(X_train, y_train).item():.12g}")
    print(f"  train loss (mean BCE) = {bce(X_train, y_train).item():.12g}")
    if len(Y_TEST) > 0:
        print(f"  test loss (mean BCE) = {bce(X_test, y_test).item():.12g}")
print(f"  train accuracy = {100 * accuracy(X_train, y_train):.1f} %")
print(f"  test accuracy = {100 * accuracy(X_test, y_test):.1f} %")

# Classify the new point, as the tutorial does with (1, 1). The boundary is w.x + b = 0, i.e.
# p = 0.5: blue on the side where the logit is >= 0.
x_new = (features(torch.tensor([NEW_POINT])) - MEAN) / SD
with torch.no_grad():
    p_new = model(x_new).item()
    z_new = model.linear(x_new).item()
colour = "blue" if z_new >= 0 else "red"
print(
    f"New point ({NEW_POINT[0]!r}, {NEW_POINT[1]!r}): p(blue) = {p_new:.6g}, logit = {z_new:.6g}"
    f" -> {colour} (class {int(z_new >= 0)})"
)
`;

const SELF_CHECK = `
# Self-check: the same run as the app's should end at the same weights. The tolerance is
# 1e-6 * (1 + |w|) when the app trained in float64 and 1e-3 * (1 + |w|) when it trained in
# float32 (a GPU engine), since this script always computes in float64.
print()
if APP_WEIGHTS is None:
    print("Self-check: the app had not trained yet when this was exported: nothing to compare.")
else:
    ours = {**weights, "b": b}
    scale = 1e-6 if APP_PRECISION == "float64" else 1e-3
    diff = {k: abs(ours[k] - APP_WEIGHTS[k]) for k in ours}
    ok = all(diff[k] <= scale * (1 + abs(APP_WEIGHTS[k])) for k in ours)
    print(f"Self-check against the app ({APP_ENGINE}, {APP_PRECISION}) at epoch {APP_EPOCH}:")
    print("  app: " + ", ".join(f"{k} = {APP_WEIGHTS[k]!r}" for k in ours))
    print(f"  max |difference| = {max(diff.values()):.3g} (tolerance {scale:g} * (1 + |w|))")
`;

const VERDICT_FULL = `    if ok:
        print("  MATCHES the app")
    else:
        print("  DIFFERS from the app: were the settings, the points or the weights changed while")
        print("  it trained? This script replays one uninterrupted run from INITIAL.")
`;

const VERDICT_ADAM = `    if ok:
        print("  MATCHES the app")
    elif all(diff[k] <= LEARNING_RATE * (1 + abs(APP_WEIGHTS[k])) for k in ours):
        print("  CLOSE to the app (within LEARNING_RATE * (1 + |w|)), though not within the tolerance:")
        print("  Adam with a constant learning rate never settles at the optimum but keeps hopping")
        print("  around it by up to about LEARNING_RATE, and the hops amplify the last-digit rounding")
        print("  differences between torch and the app. An exact match is not expected once there.")
    else:
        print("  DIFFERS from the app: were the settings, the points or the weights changed while")
        print("  it trained? This script replays one uninterrupted run from INITIAL.")
`;

const VERDICT_MINI = `    print("  Note: mini-batches - an exact match is not expected, because the shuffle order")
    print("  (torch.randperm) differs from the app's own seeded shuffle.")
    print("  MATCHES the app" if ok else "  DIFFERS from the app (as expected with mini-batches)")
`;

/**
 * The PyTorch script: the data block, the tutorial's model with BCEWithLogitsLoss plus the L2
 * term, the app's optimizer, the training loop (`app.epoch` epochs, or `hyper.epochs` before any
 * training), the tutorial's reports, the final weights, loss and new-point class, and a
 * self-check against the app's weights.
 *
 * @throws Error for a NaN or infinite number, a bad count or an empty training split.
 */
export function pytorchScript(input: PythonExportInput): string {
  const mini = usesMiniBatches(input);
  return [
    HEADER,
    dataBlock(input),
    MODEL,
    OPTIMIZERS[input.hyper.optimizer],
    mini ? MINI_BATCH_LOOP : FULL_BATCH_LOOP,
    RESULTS,
    SELF_CHECK,
    mini ? VERDICT_MINI : input.hyper.optimizer === 'adam' ? VERDICT_ADAM : VERDICT_FULL,
  ].join('\n');
}
