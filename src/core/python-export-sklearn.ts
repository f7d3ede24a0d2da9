/**
 * The scikit-learn half of "Export as Python": a script that solves the app's objective to its
 * optimum with L-BFGS and compares the result with the app's exact optimum (or, when there is
 * none, with the direction of the app's weights).
 */
import { dataBlock, type PythonExportInput } from './python-literals.ts';

const HEADER = `# logreg_sklearn.py - exported by logreg-lab ("Export as Python").
#
# The app's binary logistic regression solved by scikit-learn: red = class 0, blue = class 1,
# p(blue) = sigmoid(w1*x1 + w2*x2 + b) (plus a weight for each further feature in FEATURES), on
# the app's own points and split. scikit-learn does not descend step by step: L-BFGS goes straight
# to the minimum of the app's objective J = mean BCE + L2/2 * ||w||^2, so of the
# hyper-parameters below only L2 (and FEATURES) matter here.
# The script prints coef_ and intercept_, the accuracies, the new point's p(blue), the objective
# J (numpy only) at scikit-learn's and at the app's weights, and checks itself against the app.
#
# Needs Python 3.9+, scikit-learn >= 1.2 and numpy. Run: python logreg_sklearn.py
import re

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
`;

const SETUP = `

def features(x):
    """The model's input columns FEATURES, computed from the points' (x1, x2), as the app does."""
    x1, x2 = x[:, 0], x[:, 1]
    columns = {"x1": x1, "x2": x2, "x1**2": x1 * x1, "x2**2": x2 * x2, "x1*x2": x1 * x2}
    return np.stack([columns[f] for f in FEATURES], axis=1)


X_train = features(np.array(X_TRAIN, dtype=np.float64).reshape(-1, 2))
y_train = np.array(Y_TRAIN, dtype=np.int64)
X_test = features(np.array(X_TEST, dtype=np.float64).reshape(-1, 2))
y_test = np.array(Y_TEST, dtype=np.int64)


def weight_vector(w):
    """The weights of a dict {"w1": ..., "b": ...} in FEATURES order (b left out)."""
    return np.array([w[k] for k in WEIGHT_NAMES])


def objective(w, X, y):
    """The app's J = mean BCE + L2/2 * ||w||^2 (b not penalised) at the weights w, from the
    logits: log(1 + e^z) - y*z = logaddexp(0, z) - y*z never overflows."""
    v = weight_vector(w)
    z = X @ v + w["b"]
    return float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * L2 * float(v @ v))


def accuracy(w, X, y):
    """Share classified right: blue where the logit w.x + b >= 0, i.e. p >= 0.5."""
    if len(y) == 0:
        return float("nan")
    return float(np.mean((X @ weight_vector(w) + w["b"] >= 0) == (y == 1)))


if len(set(Y_TRAIN)) < 2:
    print("The training split holds only one class: there is no finite optimum (the bias grows")
    print("for ever) and scikit-learn cannot fit it.")
    raise SystemExit(0)

# scikit-learn 1.8 deprecated \`penalty\` (removal planned for 1.10): there, l1_ratio=0 means an L2
# penalty and C=inf means none. Versions 1.2 to 1.7 take penalty="l2" / penalty=None instead.
NEW_API = tuple(int(v) for v in re.match(r"(\\d+)\\.(\\d+)", sklearn.__version__).groups()) >= (1, 8)
`;

const WITH_L2 = `
# scikit-learn minimises 1/2 * ||w||^2 + C * sum_i BCE_i (with solver="lbfgs" the intercept is
# not penalised). Divided by C * n_train that is mean_i BCE_i + 1/(2 * C * n_train) * ||w||^2,
# the app's J exactly when 1/(C * n_train) = L2, i.e. C = 1 / (L2 * n_train).
C = 1.0 / (L2 * len(Y_TRAIN))
penalty = {"C": C, "l1_ratio": 0.0} if NEW_API else {"C": C, "penalty": "l2"}
`;

const WITHOUT_L2 = `
# L2 = 0: no penalty at all (penalty=None works in scikit-learn >= 1.2; older versions spelt
# it "none"). The app's J is then the plain mean BCE.
penalty = {"C": np.inf} if NEW_API else {"penalty": None}
`;

const FIT = `clf = LogisticRegression(solver="lbfgs", tol=1e-12, max_iter=100000, **penalty)
clf.fit(X_train, y_train)
ours = {**dict(zip(WEIGHT_NAMES, clf.coef_[0].tolist())), "b": float(clf.intercept_[0])}

print(f"scikit-learn {sklearn.__version__}, LogisticRegression({penalty}):")
print(f"  coef_ = {clf.coef_.tolist()!r}  ({', '.join(WEIGHT_NAMES)})")
print(f"  intercept_ = {clf.intercept_.tolist()!r}  (b)")
print(f"  train accuracy = {100 * accuracy(ours, X_train, y_train):.1f} %")
print(f"  test accuracy = {100 * accuracy(ours, X_test, y_test):.1f} %")
x_new = features(np.array([NEW_POINT]))
p_new = clf.predict_proba(x_new)[0, 1]  # column 1: class 1, blue
colour = "blue" if clf.decision_function(x_new)[0] >= 0 else "red"
print(f"  new point ({NEW_POINT[0]!r}, {NEW_POINT[1]!r}): p(blue) = {p_new:.6g} -> {colour}")

print()
print("Objective J (numpy, mean BCE + L2/2 * ||w||^2 on the training split):")
print(f"  at scikit-learn's weights: {objective(ours, X_train, y_train):.15g}")
if APP_WEIGHTS is not None:
    print(f"  at the app's weights (epoch {APP_EPOCH}): {objective(APP_WEIGHTS, X_train, y_train):.15g}")
if APP_OPTIMUM is not None:
    print(f"  at the app's exact optimum: {objective(APP_OPTIMUM, X_train, y_train):.15g}")
`;

const CHECK_OPTIMUM = `
# Self-check: the optimum is unique, so scikit-learn and the app's float64 Newton solver must
# agree, within 1e-5 * (1 + |w|) (L-BFGS stops a little short of the exact minimum).
print()
diff = {k: abs(ours[k] - APP_OPTIMUM[k]) for k in ours}
ok = all(diff[k] <= 1e-5 * (1 + abs(APP_OPTIMUM[k])) for k in ours)
print("Self-check: the app's exact optimum is " + ", ".join(f"{k} = {APP_OPTIMUM[k]!r}" for k in ours))
print(f"  max |difference| = {max(diff.values()):.3g}")
print("  MATCHES the app's exact optimum" if ok else "  DIFFERS from the app's exact optimum")
`;

const CHECK_DIRECTION = `
# Self-check without an optimum: on linearly separable data with L2 = 0 the loss keeps falling as
# ||w|| grows, so there is no finite optimum and neither the app nor scikit-learn can converge:
# each stops somewhere along the way. Only the direction of w can be compared.
print()
print("The app reports no finite optimum: the classes are separable (by a line, or by a boundary of")
print("FEATURES) and L2 = 0, so the weights grow for ever and scikit-learn stops wherever L-BFGS gives")
print("up (it may warn that it did not converge). Only the direction of w is comparable.")
if APP_WEIGHTS is None:
    print("The app had not trained yet when this was exported: nothing to compare.")
else:
    a = weight_vector(APP_WEIGHTS)
    s = weight_vector(ours)
    if np.linalg.norm(a) == 0 or np.linalg.norm(s) == 0:
        print("One of the two weight vectors is 0: no direction to compare.")
    else:
        cosine = float(a @ s / (np.linalg.norm(a) * np.linalg.norm(s)))
        print(f"  cosine between scikit-learn's w and the app's w = {cosine:.6f}")
        print(f"  lengths: |w| = {np.linalg.norm(s):.6g} (scikit-learn), {np.linalg.norm(a):.6g} (app)")
        print("  Expect a cosine close to 1 but not exactly 1: both head, slowly, towards the same")
        print("  maximum-margin direction, and the lengths have nothing to agree on.")
`;

const NO_OPTIMUM_GIVEN = `
print()
print("Self-check: the app gave no exact optimum to compare with; compare the objective J above")
print("at scikit-learn's weights and at the app's (scikit-learn's should be the lower, or equal).")
`;

/**
 * The scikit-learn script: the data block, `LogisticRegression(solver='lbfgs', tol=1e-12,
 * max_iter=100000)` with C = 1/(l2·n_train) (or no penalty when l2 = 0), coef_ and intercept_,
 * accuracies, p(blue) of the new point, J at scikit-learn's and the app's weights, and a
 * self-check against the app's exact optimum — or, with no finite optimum, the cosine between
 * the two directions of w.
 *
 * @throws Error for a NaN or infinite number, a bad count or an empty training split.
 */
export function sklearnScript(input: PythonExportInput): string {
  return [
    HEADER,
    dataBlock(input),
    SETUP,
    input.hyper.l2 > 0 ? WITH_L2 : WITHOUT_L2,
    FIT,
    input.optimum ? CHECK_OPTIMUM : input.hyper.l2 > 0 ? NO_OPTIMUM_GIVEN : CHECK_DIRECTION,
  ].join('\n');
}
