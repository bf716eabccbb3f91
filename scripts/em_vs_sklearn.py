"""scikit-learn's side of scripts/em-vs-sklearn.sh.

  em_vs_sklearn.py fit ROWS.npy K N_INIT MAX_ITER TOL REG_COVAR SEED
      fits sklearn.mixture.GaussianMixture(K, covariance_type="full", n_init, max_iter, tol, reg_covar,
      init_params="kmeans") and prints one JSON line: the mean log-likelihood per row of its final parameters
      (score(X)), n_iter_, converged_ and the wall time of fit() alone.
  em_vs_sklearn.py score ROWS.npy FIT.json
      the mean log-likelihood per row of em-gmm's fitted parameters (FIT.json, from the Java side), computed by
      scikit-learn's own code: a check of em-gmm's reported number.
  em_vs_sklearn.py header RESULTS.tsv / row CASE SEED K EM.jsonl SK.jsonl CHECK.json RESULTS.tsv
      the printed table and its tab-separated copy: per side the last fit's log-likelihood, iterations and
      converged, the median and every one of the fits' wall seconds; the log-likelihood difference, the ratio
      of median wall times, and the median CPU seconds of each side's process during its fits (all threads).
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture
from sklearn.mixture._gaussian_mixture import _compute_precision_cholesky


def fit(rows, k, n_init, max_iter, tol, reg, seed):
    x = np.load(rows)
    gm = GaussianMixture(int(k), covariance_type="full", n_init=int(n_init), max_iter=int(max_iter),
                         tol=float(tol), reg_covar=float(reg), init_params="kmeans", random_state=int(seed))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        c0 = time.process_time()
        t0 = time.perf_counter()
        gm.fit(x)
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - c0
    print(json.dumps({"log_likelihood": float(gm.score(x)), "iterations": int(gm.n_iter_),
                      "converged": bool(gm.converged_), "seconds": seconds,
                      "cpu_seconds": cpu}))


def score(rows, fit_json):
    x = np.load(rows)
    f = json.load(open(fit_json))
    k = int(f["components"])
    n = x.shape[1]
    gm = GaussianMixture(k, covariance_type="full")
    gm.weights_ = np.asarray(f["weights"], dtype=float)
    gm.means_ = np.asarray(f["means"], dtype=float).reshape(k, n)
    gm.covariances_ = np.asarray(f["covariances"], dtype=float).reshape(k, n, n)
    gm.precisions_cholesky_ = _compute_precision_cholesky(gm.covariances_, "full")
    print(json.dumps({"log_likelihood": float(gm.score(x))}))


COLUMNS = ["case", "seed", "k", "em_ll", "em_iter", "em_conv", "em_s_median", "em_s_each", "em_ll_by_sklearn",
           "sk_ll", "sk_iter", "sk_conv", "sk_s_median", "sk_s_each", "ll_diff", "time_ratio", "em_cpu_median",
           "sk_cpu_median", "cpu_ratio"]


def header(results):
    with open(results, "w") as f:
        f.write("\t".join(COLUMNS) + "\n")
    print(f"{'case':<10} {'seed':>4} {'k':>2} | {'em-gmm ll':>11} {'iter':>4} {'conv':>5} {'s':>7} | "
          f"{'sklearn ll':>11} {'iter':>4} {'conv':>5} {'s':>7} | {'ll diff':>9} {'s/s':>5} | "
          f"{'cpu em':>6} {'cpu sk':>6} {'ratio':>5}")


def row(case, seed, k, em_file, sk_file, check_file, results):
    em = [json.loads(l) for l in open(em_file) if l.strip()]
    sk = [json.loads(l) for l in open(sk_file) if l.strip()]
    check = json.load(open(check_file))["log_likelihood"]
    em_s = [e["seconds"] for e in em]
    sk_s = [s["seconds"] for s in sk]
    em_med = float(np.median(em_s))
    sk_med = float(np.median(sk_s))
    e, s = em[-1], sk[-1]
    diff = e["log_likelihood"] - s["log_likelihood"]
    ratio = em_med / sk_med
    em_cpu = float(np.median([e["cpu_seconds"] for e in em]))
    sk_cpu = float(np.median([s["cpu_seconds"] for s in sk]))
    print(f"{case:<10} {seed:>4} {k:>2} | {e['log_likelihood']:>11.6f} {e['iterations']:>4} "
          f"{str(e['converged']):>5} {em_med:>7.3f} | {s['log_likelihood']:>11.6f} {s['iterations']:>4} "
          f"{str(s['converged']):>5} {sk_med:>7.3f} | {diff:>+9.2e} {ratio:>5.2f} | "
          f"{em_cpu:>6.3f} {sk_cpu:>6.3f} {em_cpu / sk_cpu:>5.2f}")
    if abs(e["log_likelihood"] - check) > 1e-9 * (1 + abs(check)):
        print(f"em-vs-sklearn: {case} seed {seed}: em-gmm reports {e['log_likelihood']}, sklearn computes "
              f"{check} from its parameters", file=sys.stderr)
    vals = [case, seed, k, e["log_likelihood"], e["iterations"], e["converged"], em_med,
            " ".join(f"{v:.4f}" for v in em_s), check, s["log_likelihood"], s["iterations"], s["converged"],
            sk_med, " ".join(f"{v:.4f}" for v in sk_s), diff, ratio, em_cpu, sk_cpu, em_cpu / sk_cpu]
    with open(results, "a") as f:
        f.write("\t".join(str(v) for v in vals) + "\n")


if __name__ == "__main__":
    {"fit": fit, "score": score, "header": header, "row": row}[sys.argv[1]](*sys.argv[2:])
