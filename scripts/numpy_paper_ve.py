"""A NumPy port of paper-ve sampling with a saved piecewise-polynomial model: the peer of
scripts/sample-vs-numpy.sh.

It reads the .dmx file diffmix wrote (ModelFile's container, PiecewisePolynomialModel's payload) and walks the
model's own levels from the top, as `diffmix sample` does on the quickstart, with the whole batch vectorised,
coordinate-major: the nearest warm start, the Hermite features by the three-term recurrence in graded order, one
matrix product per cell, the clip onto B_D(0), and Algorithm 1's step with the (t+1) correction. It draws its
noise from NumPy, so its points are not diffmix's bits; its sample mean is printed as a check.

Usage: /usr/bin/python3 scripts/numpy_paper_ve.py MODEL.dmx COUNT REPS
"""
import struct, sys, time, json
import numpy as np

def read_dmx(path):
    """The provenance, sigma0, dimension and levels of a piecewise-polynomial model file."""
    b = open(path, 'rb').read()
    assert b[:4] == b'DMX1'
    o = 8
    (ul,) = struct.unpack_from('>H', b, o); o += 2 + ul
    (pl,) = struct.unpack_from('>i', b, o); o += 4
    prov = json.loads(b[o:o + pl]); o += pl
    (yl,) = struct.unpack_from('>i', b, o); o += 4
    p = b[o:o + yl]
    q = 0
    def take(fmt):
        nonlocal q
        v = struct.unpack_from('>' + fmt, p, q); q += struct.calcsize('>' + fmt)
        return v
    version, = take('i')
    assert version in (1, 2), 'payload version %d' % version
    sigma0, = take('d'); n, = take('i'); count, = take('i')
    levels = []
    for _ in range(count):
        t, s, clip = take('ddd')
        blend, = take('d') if version >= 2 else (0.0,)
        if blend != 0 and cells_of(p, q) > 1:
            raise SystemExit('numpy_paper_ve: the model blends its cells (boundary_blend %g); this port has the '
                             'hard cells only: fit with "boundary_blend": 0' % blend)
        cells, = take('i')
        centers = np.array(take('%dd' % (cells * n))).reshape(cells, n)
        coef = []
        for j in range(cells):
            deg, ln = take('ii')
            coef.append((deg, np.array(take('%dd' % ln)).reshape(-1, n)))
        levels.append(dict(t=t, s=s, clip=clip, centers=centers, coef=coef))
    return prov, sigma0, n, levels

def cells_of(p, q):
    """The cell count that the payload holds at offset q."""
    return struct.unpack_from('>i', p, q)[0]

def multi_indices(n, d):
    """HermiteBasis's order: by total degree, then the first coordinate's exponent descending."""
    out = []
    def rec(alpha, c, rem):
        if c == n - 1:
            out.append(tuple(alpha[:c]) + (rem,)); return
        for k in range(rem, -1, -1):
            rec(alpha[:c] + [k], c + 1, rem - k)
    for total in range(d + 1):
        rec([], 0, total)
    return out

def features(z, d, idx):
    # z: (n, m). Normalised Hermite He_k/sqrt(k!) by the three-term recurrence, then the graded products.
    n, m = z.shape
    H = np.empty((n, d + 1, m))
    H[:, 0] = 1.0
    if d >= 1:
        H[:, 1] = z
    for k in range(1, d):
        H[:, k + 1] = (z * H[:, k] - np.sqrt(k) * H[:, k - 1]) * (1 / np.sqrt(k + 1))
    phi = np.empty((len(idx), m))
    for f, alpha in enumerate(idx):
        nz = [(c, a) for c, a in enumerate(alpha) if a]
        if not nz:
            phi[f] = 1.0
            continue
        c, a = nz[0]
        np.copyto(phi[f], H[c, a])
        for c, a in nz[1:]:
            phi[f] *= H[c, a]
    return phi

def posterior_mean(level, y, idx_by_deg):
    # y: (n, m), coordinate-major, so that every operation runs over contiguous rows of m values
    C = level['centers']
    n, m = y.shape
    best = None
    for j in range(C.shape[0]):
        d2 = (y[0] - C[j, 0]) ** 2
        for c in range(1, n):
            d2 += (y[c] - C[j, c]) ** 2
        if best is None:
            best, cell = d2, np.zeros(m, dtype=np.intp)
        else:
            closer = d2 < best
            best = np.where(closer, d2, best)
            cell[closer] = j
    g = np.empty_like(y)
    for j, (deg, B) in enumerate(level['coef']):
        rows = np.nonzero(cell == j)[0] if C.shape[0] > 1 else slice(None)
        z = (y[:, rows] - C[j][:, None]) * (1 / level['s'])
        g[:, rows] = B.T @ features(z, deg, idx_by_deg[deg])
    norm2 = g[0] * g[0]
    for c in range(1, n):
        norm2 += g[c] * g[c]
    g *= np.minimum(1.0, level['clip'] / np.maximum(np.sqrt(norm2), 1e-300))
    return g

def sample(sigma0, n, levels, count, rng, mean, var, idx):
    lv = sorted(levels, key=lambda l: -l['t'])
    y = mean[:, None] + np.sqrt(var + lv[0]['t']) * rng.standard_normal((n, count))
    for k in range(len(lv) - 1):
        t, tn = lv[k]['t'], lv[k + 1]['t']
        c = 2 * ((t + 1) - np.sqrt((tn + 1) * (t + 1)))
        g = posterior_mean(lv[k], y, idx)
        # y + c (g - y)/(sigma0^2 + t) + sqrt(t - t') xi
        a = c / (sigma0 ** 2 + t)
        y = (1 - a) * y + a * g + np.sqrt(t - tn) * rng.standard_normal(y.shape)
    return y.T, len(lv) - 1

if __name__ == '__main__':
    prov, sigma0, n, levels = read_dmx(sys.argv[1])
    config = prov['config']
    for key, valid in (('schedule', 've'), ('sampler', 'paper-ve')):
        given = config.get(key, valid)
        given = given.get('type') if isinstance(given, dict) else given
        # the port walks the model's own levels as VE times with Algorithm 1's step, as the quickstart does
        assert given == valid, '%s is %s; this port handles %s only' % (key, given, valid)
    idx = {d: multi_indices(n, d) for d in sorted({deg for l in levels for deg, _ in l['coef']})}
    count = int(sys.argv[2]); reps = int(sys.argv[3])
    m = prov['data_moments']
    mean = np.array(m['mean']); var = m['mean_variance']
    rng = np.random.default_rng(7)
    for r in range(reps):
        t0 = time.perf_counter()
        y, steps = sample(sigma0, n, levels, count, rng, mean, var, idx)
        dt = time.perf_counter() - t0
        print('numpy rep %d: %.3f s, %d steps, sample mean %s' % (r, dt, steps, np.round(y.mean(0), 3)))
