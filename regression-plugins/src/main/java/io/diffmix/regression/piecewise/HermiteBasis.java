package io.diffmix.regression.piecewise;

import java.util.ArrayList;
import java.util.List;

/**
 * The tensor-product basis of normalised probabilists' Hermite polynomials h_k = He_k/√k! in n variables, with
 * total degree ≤ d: p = C(n + d, d) functions, the constant first (docs/algorithm.md §5, "Basis").
 *
 * <p>Each univariate h_k comes from the three-term recurrence in normalised form,
 * h_{k+1}(z) = (z h_k(z) − √k h_{k−1}(z))/√(k + 1), so no factorial is ever formed. Under N(0, I) the basis is
 * orthonormal, which keeps the Gram matrices well conditioned near the warm start.
 */
public final class HermiteBasis {
  private final int n;
  private final int degree;
  /** For feature f: its nonzero (coordinate, degree) pairs, flattened. */
  private final int[][] factors;
  /**
   * Each feature is its parent's times one univariate factor: the parent is the multi-index with its last
   * nonzero coordinate set to 0, which comes earlier in the graded order. One multiplication per feature.
   */
  private final int[] parent;
  private final int[] factorIndex;
  /**
   * For feature f = h_α and its i-th (coordinate c, degree a) pair: the feature h_{α − e_c}, since
   * ∂h_α/∂z_c = √a h_{α − e_c} (h_a' = √a h_{a−1}, from He_a' = a He_{a−1}).
   */
  private final int[][] lowered;
  /** √k and 1/√(k + 1) of the recurrence, so the hot loop takes no square root. */
  private final double[] sqrtK;
  private final double[] invSqrtK1;

  /** Bases already built, by (n, degree): a basis is immutable, and building one is not free. */
  private static final java.util.concurrent.ConcurrentHashMap<Long, HermiteBasis> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The basis of total degree ≤ d in n variables, built once per JVM. Every level of a fit and of a loaded model
   * asks for the same few bases; building them each time cost a fit hundreds of milliseconds, most of it the
   * JIT compiling the enumeration.
   */
  public static HermiteBasis of(int n, int degree) {
    return CACHE.computeIfAbsent(((long) n << 32) | degree, key -> new HermiteBasis(n, degree));
  }

  public HermiteBasis(int n, int degree) {
    this.n = n;
    this.degree = degree;
    List<int[]> all = new ArrayList<>();
    int[] alpha = new int[n];
    for (int total = 0; total <= degree; total++) {
      enumerate(alpha, 0, total, all);
    }
    factors = all.toArray(int[][]::new);
    parent = new int[factors.length];
    factorIndex = new int[factors.length];
    java.util.Map<String, Integer> position = new java.util.HashMap<>();
    for (int f = 0; f < factors.length; f++) {
      position.put(java.util.Arrays.toString(factors[f]), f);
    }
    for (int f = 1; f < factors.length; f++) {
      int[] fa = factors[f];
      int[] rest = java.util.Arrays.copyOf(fa, fa.length - 2);
      parent[f] = position.get(java.util.Arrays.toString(rest));
      factorIndex[f] = fa[fa.length - 2] * (degree + 1) + fa[fa.length - 1];
    }
    lowered = new int[factors.length][];
    for (int f = 0; f < factors.length; f++) {
      int[] fa = factors[f];
      lowered[f] = new int[fa.length / 2];
      for (int i = 0; i < fa.length; i += 2) {
        int[] lower = fa.clone();
        lower[i + 1]--;
        lowered[f][i / 2] = position.get(java.util.Arrays.toString(withoutZeros(lower)));
      }
    }
    sqrtK = new double[degree + 1];
    invSqrtK1 = new double[degree + 1];
    for (int k = 0; k <= degree; k++) {
      sqrtK[k] = Math.sqrt(k);
      invSqrtK1[k] = 1 / Math.sqrt(k + 1);
    }
  }

  /** The (coordinate, degree) pairs without those of degree 0. */
  private static int[] withoutZeros(int[] pairs) {
    int[] out = new int[pairs.length];
    int count = 0;
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] > 0) {
        out[count++] = pairs[i];
        out[count++] = pairs[i + 1];
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /** Multi-indices of total degree exactly {@code remaining} over coordinates ≥ c, in graded order. */
  private void enumerate(int[] alpha, int c, int remaining, List<int[]> out) {
    if (c == n - 1) {
      alpha[c] = remaining;
      List<Integer> f = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (alpha[i] > 0) {
          f.add(i);
          f.add(alpha[i]);
        }
      }
      out.add(f.stream().mapToInt(Integer::intValue).toArray());
      return;
    }
    for (int k = remaining; k >= 0; k--) {
      alpha[c] = k;
      enumerate(alpha, c + 1, remaining - k, out);
    }
  }

  /** The number of basis functions p = C(n + d, d). */
  public int size() {
    return factors.length;
  }

  public int degree() {
    return degree;
  }

  /** The number of functions of total degree ≤ d in n variables. */
  public static int size(int n, int d) {
    long p = 1;
    for (int i = 1; i <= d; i++) {
      p = p * (n + i) / i;
    }
    return (int) Math.min(Integer.MAX_VALUE, p);
  }

  /** Scratch for {@link #evaluate}: n·(d + 1) univariate values. */
  public double[] scratch() {
    return new double[scratchSize()];
  }

  /** The length of {@link #scratch()}. */
  public int scratchSize() {
    return n * (degree + 1);
  }

  /**
   * Writes the p features of the point z = {@code z[zOff .. zOff+n)} into {@code out[outOff .. outOff+p)}.
   *
   * @param uni scratch from {@link #scratch()}
   */
  public void evaluate(double[] z, int zOff, double[] uni, double[] out, int outOff) {
    int stride = degree + 1;
    for (int c = 0; c < n; c++) {
      double x = z[zOff + c];
      int base = c * stride;
      uni[base] = 1;
      if (degree >= 1) {
        uni[base + 1] = x;
      }
      for (int k = 1; k < degree; k++) {
        uni[base + k + 1] = (x * uni[base + k] - sqrtK[k] * uni[base + k - 1]) * invSqrtK1[k];
      }
    }
    out[outOff] = 1;
    for (int f = 1; f < factors.length; f++) {
      out[outOff + f] = out[outOff + parent[f]] * uni[factorIndex[f]];
    }
  }

  /**
   * The features of {@code count} points at once, coordinate-major: coordinate c of point k is
   * {@code z[c·stride + k]}, feature f of point k goes to {@code out[f·stride + k]}. Each step runs across the
   * points, so the loops are long, simple and vectorisable; every value is the same product, in the same order,
   * as {@link #evaluate(double[], int, double[], double[], int)} gives it, so the bits agree.
   *
   * @param uni scratch of at least {@link #scratchSize()}·stride
   */
  public void evaluate(double[] z, int count, int stride, double[] uni, double[] out) {
    int d1 = degree + 1;
    for (int c = 0; c < n; c++) {
      int zo = c * stride;
      int base = c * d1 * stride;
      java.util.Arrays.fill(uni, base, base + count, 1);
      if (degree >= 1) {
        System.arraycopy(z, zo, uni, base + stride, count);
      }
      for (int k = 1; k < degree; k++) {
        double sk = sqrtK[k];
        double inv = invSqrtK1[k];
        int prev = base + (k - 1) * stride;
        int cur = base + k * stride;
        int next = cur + stride;
        for (int i = 0; i < count; i++) {
          uni[next + i] = (z[zo + i] * uni[cur + i] - sk * uni[prev + i]) * inv;
        }
      }
    }
    java.util.Arrays.fill(out, 0, count, 1);
    for (int f = 1; f < factors.length; f++) {
      int o = f * stride;
      int po = parent[f] * stride;
      int uo = factorIndex[f] * stride;
      for (int i = 0; i < count; i++) {
        out[o + i] = out[po + i] * uni[uo + i];
      }
    }
  }

  /**
   * The divergence of a polynomial field in this basis, as a polynomial in the same basis: for
   * g_c(z) = Σ_α b_{α,c} h_α(z), c &lt; n, it returns T with Σ_c ∂g_c/∂z_c = Σ_β T_β h_β(z). Since
   * ∂h_α/∂z_c = √α_c h_{α − e_c}, T_β = Σ_c √(β_c + 1) b_{β + e_c, c}; the features of top degree get 0.
   *
   * @param b p × n coefficients, row-major: b[α·n + c]
   */
  public double[] divergence(double[] b) {
    int p = factors.length;
    double[] t = new double[p];
    for (int f = 1; f < p; f++) {
      int[] fa = factors[f];
      for (int i = 0; i < fa.length; i += 2) {
        int c = fa[i];
        t[lowered[f][i / 2]] += sqrtK[fa[i + 1]] * b[f * n + c];
      }
    }
    return t;
  }

  /**
   * vᵀ J v at one point, for the Jacobian J_cd = Σ_α b_{α,c} ∂h_α/∂z_d of the field g_c = Σ_α b_{α,c} h_α:
   * Σ_α (Σ_c b_{α,c} v_c) Σ_d v_d √α_d h_{α − e_d}(z), from the point's features.
   *
   * @param b p × n coefficients, row-major
   * @param features the point's features at {@code features[f·stride + k]}
   * @param v the direction at {@code v[c·stride + k]}
   */
  public double jacobianQuadratic(double[] b, double[] features, double[] v, int stride, int k) {
    double sum = 0;
    for (int f = 1; f < factors.length; f++) {
      int[] fa = factors[f];
      double directional = 0;
      for (int i = 0; i < fa.length; i += 2) {
        int d = fa[i];
        directional += v[d * stride + k] * sqrtK[fa[i + 1]] * features[lowered[f][i / 2] * stride + k];
      }
      double bv = 0;
      for (int c = 0; c < n; c++) {
        bv += b[f * n + c] * v[c * stride + k];
      }
      sum += bv * directional;
    }
    return sum;
  }
}
