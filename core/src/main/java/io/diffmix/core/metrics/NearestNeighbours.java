package io.diffmix.core.metrics;

/**
 * k-nearest-neighbour majority vote, with k ≈ √(training rows) by default (odd, so there are no ties): smaller
 * k falls well short of the Bayes accuracy that c2st needs.
 */
final class NearestNeighbours implements Classifier {
  private final int fixedK;

  NearestNeighbours(int k) {
    this.fixedK = k;
  }

  int k(int trainingRows) {
    int k = fixedK > 0 ? fixedK : (int) Math.round(Math.sqrt(trainingRows));
    return Math.max(1, k % 2 == 0 ? k + 1 : k);
  }

  @Override
  public int correctOnFold(double[] z, int[] label, int d, int[] fold, int f) {
    int train = 0;
    for (int i = 0; i < label.length; i++) {
      if (fold[i] != f) {
        train++;
      }
    }
    int k = Math.min(k(train), train);
    double[] heapDist = new double[k];
    int[] heapLabel = new int[k];
    int correct = 0;
    for (int i = 0; i < label.length; i++) {
      if (fold[i] != f) {
        continue;
      }
      int size = 0;
      for (int j = 0; j < label.length; j++) {
        if (fold[j] == f) {
          continue;
        }
        double d2 = 0;
        for (int c = 0; c < d; c++) {
          double diff = z[i * d + c] - z[j * d + c];
          d2 += diff * diff;
        }
        if (size < k) {
          heapDist[size] = d2;
          heapLabel[size] = label[j];
          siftUp(heapDist, heapLabel, size++);
        } else if (d2 < heapDist[0]) {
          heapDist[0] = d2;
          heapLabel[0] = label[j];
          siftDown(heapDist, heapLabel, size);
        }
      }
      int ones = 0;
      for (int q = 0; q < size; q++) {
        ones += heapLabel[q];
      }
      if ((2 * ones > size ? 1 : 0) == label[i]) {
        correct++;
      }
    }
    return correct;
  }

  /** A max-heap on distance, so the root is the farthest of the k nearest so far. */
  private static void siftUp(double[] dist, int[] lab, int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (dist[parent] >= dist[i]) {
        return;
      }
      swap(dist, lab, i, parent);
      i = parent;
    }
  }

  private static void siftDown(double[] dist, int[] lab, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int largest = i;
      if (l < size && dist[l] > dist[largest]) {
        largest = l;
      }
      if (r < size && dist[r] > dist[largest]) {
        largest = r;
      }
      if (largest == i) {
        return;
      }
      swap(dist, lab, i, largest);
      i = largest;
    }
  }

  private static void swap(double[] dist, int[] lab, int a, int b) {
    double t = dist[a];
    dist[a] = dist[b];
    dist[b] = t;
    int u = lab[a];
    lab[a] = lab[b];
    lab[b] = u;
  }

  @Override
  public String describe(int trainingRows) {
    return "k-nearest neighbours, k = " + k(trainingRows);
  }
}
