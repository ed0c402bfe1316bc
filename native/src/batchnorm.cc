// Batch normalisation in training mode, forward and backward, in plain C++ with OpenMP: one kernel each
// instead of the ~30 tfjs kernels (moments, FusedBatchNorm, their gradients, tiles) per layer and step.
// Columns are the channels (the last axis), rows every other position. Used by
// lib/backend/native-batchnorm.ts.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "common.hpp"

namespace tfjs_onednn {
namespace {

/** Threads for a pass over rows × cols: the configured count for large tensors, never more than rows / 64. */
int rowThreads(int64_t rows, int64_t cols, double flopsPerElement) {
  const double flops = flopsPerElement * static_cast<double>(rows) * static_cast<double>(cols);
  return static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(threadsFor(flops), rows / 64)));
}

/**
 * Column sums of f(i, j) over rows, in double: each thread sums a fixed block of rows, and the blocks
 * are added in thread order, so the result depends on the thread count only (as sumRows in
 * elementwise.cc). `out` has `sums` × cols entries; f writes its `sums` terms for element (i, j).
 */
template <int Sums, typename Term>
void columnSums(int64_t rows, int64_t cols, int threads, std::vector<double>& out, Term term) {
  std::vector<double> partial(static_cast<size_t>(threads) * Sums * cols, 0.0);
#pragma omp parallel num_threads(threads)
  {
    const int t = omp_get_thread_num();
    const int64_t begin = rows * t / threads, end = rows * (t + 1) / threads;
    double* acc = partial.data() + static_cast<size_t>(t) * Sums * cols;
    double terms[Sums];
    for (int64_t i = begin; i < end; i++) {
      for (int64_t j = 0; j < cols; j++) {
        term(i, j, terms);
        for (int s = 0; s < Sums; s++) acc[s * cols + j] += terms[s];
      }
    }
  }
  out.assign(static_cast<size_t>(Sums) * cols, 0.0);
  for (int t = 0; t < threads; t++) {
    for (size_t k = 0; k < out.size(); k++) out[k] += partial[static_cast<size_t>(t) * Sums * cols + k];
  }
}

/**
 * Training-mode batch normalisation (Ioffe & Szegedy 2015, Algorithm 1): per column j,
 *   μ = mean_i x,  σ² = mean_i (x − μ)² (biased, as tf.moments),  y = γ (x − μ) / √(σ² + ε) + β.
 */
void forward(const float* x, const float* gamma, const float* beta, float* y, float* mean, float* variance, int64_t rows, int64_t cols, float eps) {
  const int threads = rowThreads(rows, cols, 8.0);
  std::vector<double> sums;
  columnSums<1>(rows, cols, threads, sums, [&](int64_t i, int64_t j, double* t) { t[0] = x[i * cols + j]; });
  std::vector<float> mu(cols), scale(cols), shift(cols);
  for (int64_t j = 0; j < cols; j++) mu[j] = static_cast<float>(sums[j] / static_cast<double>(rows));
  columnSums<1>(rows, cols, threads, sums, [&](int64_t i, int64_t j, double* t) {
    const double d = static_cast<double>(x[i * cols + j]) - mu[j];
    t[0] = d * d;
  });
  for (int64_t j = 0; j < cols; j++) {
    mean[j] = mu[j];
    variance[j] = static_cast<float>(sums[j] / static_cast<double>(rows));
    scale[j] = gamma[j] / std::sqrt(variance[j] + eps);
    shift[j] = beta[j] - mu[j] * scale[j];
  }
#pragma omp parallel for num_threads(threads) schedule(static)
  for (int64_t i = 0; i < rows; i++) {
    for (int64_t j = 0; j < cols; j++) y[i * cols + j] = x[i * cols + j] * scale[j] + shift[j];
  }
}

/**
 * Gradients of forward() (x̂ = (x − μ)/√(σ² + ε), N = rows), including the gradients reaching the
 * outputs μ and σ² (dMean, dVariance; null when nothing uses them):
 *   dβ = Σ dy,  dγ = Σ dy·x̂,
 *   dx = γ/(N √(σ² + ε)) · (N dy − dβ − x̂ dγ) + dMean/N + dVariance · 2(x − μ)/N.
 */
void backward(const float* x, const float* gamma, const float* mean, const float* variance, const float* dy, const float* dMean, const float* dVariance,
              float* dx, float* dGamma, float* dBeta, int64_t rows, int64_t cols, float eps) {
  const int threads = rowThreads(rows, cols, 10.0);
  std::vector<float> invStd(cols);
  for (int64_t j = 0; j < cols; j++) invStd[j] = 1.f / std::sqrt(variance[j] + eps);
  std::vector<double> sums;
  columnSums<2>(rows, cols, threads, sums, [&](int64_t i, int64_t j, double* t) {
    const double g = dy[i * cols + j];
    t[0] = g;
    t[1] = g * (static_cast<double>(x[i * cols + j]) - mean[j]) * invStd[j];
  });
  const double n = static_cast<double>(rows);
  std::vector<float> a(cols), b(cols), c(cols), k(cols);
  for (int64_t j = 0; j < cols; j++) {
    dBeta[j] = static_cast<float>(sums[j]);
    dGamma[j] = static_cast<float>(sums[cols + j]);
    // dx = a·dy + b·(x − μ) + c, with a = γ/√(σ²+ε), b = −γ dγ/(N (σ²+ε)^{3/2}) + 2 dVariance/N, c = −a dβ/N + dMean/N
    a[j] = gamma[j] * invStd[j];
    b[j] = static_cast<float>(-static_cast<double>(a[j]) * invStd[j] * sums[cols + j] / n + (dVariance ? 2.0 * dVariance[j] / n : 0.0));
    c[j] = static_cast<float>(-static_cast<double>(a[j]) * sums[j] / n + (dMean ? dMean[j] / n : 0.0));
    k[j] = static_cast<float>(c[j] - static_cast<double>(b[j]) * mean[j]);
  }
#pragma omp parallel for num_threads(threads) schedule(static)
  for (int64_t i = 0; i < rows; i++) {
    for (int64_t j = 0; j < cols; j++) dx[i * cols + j] = a[j] * dy[i * cols + j] + b[j] * x[i * cols + j] + k[j];
  }
}

/** Rows and columns from the arguments at `at`, `at + 1`, and ε at `at + 2`. */
void sizes(const Napi::CallbackInfo& info, size_t at, const char* op, int64_t& rows, int64_t& cols, float& eps) {
  Napi::Env env = info.Env();
  if (info.Length() < at + 3 || !info[at].IsNumber() || !info[at + 1].IsNumber() || !info[at + 2].IsNumber()) fail(env, op, "expected rows, cols and epsilon");
  rows = info[at].As<Napi::Number>().Int64Value();
  cols = info[at + 1].As<Napi::Number>().Int64Value();
  eps = info[at + 2].As<Napi::Number>().FloatValue();
  if (rows < 1 || cols < 1) fail(env, op, "rows and cols must be ≥ 1, got " + std::to_string(rows) + " × " + std::to_string(cols));
}

/** batchNormForward(x, gamma, beta, y, mean, variance, rows, cols, epsilon). */
Napi::Value BatchNormForward(const Napi::CallbackInfo& info) {
  int64_t rows, cols;
  float eps;
  sizes(info, 6, "batchNormForward", rows, cols, eps);
  const size_t n = static_cast<size_t>(rows * cols), c = static_cast<size_t>(cols);
  forward(floatArg(info, 0, n, "batchNormForward x"), floatArg(info, 1, c, "batchNormForward gamma"), floatArg(info, 2, c, "batchNormForward beta"),
          floatArg(info, 3, n, "batchNormForward y"), floatArg(info, 4, c, "batchNormForward mean"), floatArg(info, 5, c, "batchNormForward variance"), rows, cols, eps);
  return info.Env().Undefined();
}

/** batchNormBackward(x, gamma, mean, variance, dy, dMean | null, dVariance | null, dx, dGamma, dBeta, rows, cols, epsilon). */
Napi::Value BatchNormBackward(const Napi::CallbackInfo& info) {
  int64_t rows, cols;
  float eps;
  sizes(info, 10, "batchNormBackward", rows, cols, eps);
  const size_t n = static_cast<size_t>(rows * cols), c = static_cast<size_t>(cols);
  backward(floatArg(info, 0, n, "batchNormBackward x"), floatArg(info, 1, c, "batchNormBackward gamma"), floatArg(info, 2, c, "batchNormBackward mean"),
           floatArg(info, 3, c, "batchNormBackward variance"), floatArg(info, 4, n, "batchNormBackward dy"), optionalFloatArg(info, 5, c, "batchNormBackward dMean"),
           optionalFloatArg(info, 6, c, "batchNormBackward dVariance"), floatArg(info, 7, n, "batchNormBackward dx"), floatArg(info, 8, c, "batchNormBackward dGamma"),
           floatArg(info, 9, c, "batchNormBackward dBeta"), rows, cols, eps);
  return info.Env().Undefined();
}

}  // namespace

void registerBatchNorm(Napi::Env env, Napi::Object exports) {
  exports.Set("batchNormForward", Napi::Function::New(env, BatchNormForward));
  exports.Set("batchNormBackward", Napi::Function::New(env, BatchNormBackward));
}

}  // namespace tfjs_onednn
