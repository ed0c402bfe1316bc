// Reductions in plain C++ with OpenMP: oneDNN 2.6's reduction primitive is a reference
// implementation here (26.6 ms for a 57600×32 sum against 0.2 ms for a loop; shared/notes/onednn.md).
#include <omp.h>

#include <algorithm>
#include <vector>

#include "common.hpp"

namespace tfjs_onednn {
namespace {

/**
 * out[j] = scale · Σ_i x[i·cols + j] (the bias gradient, a sum over every axis but the last; with
 * scale 1/rows the batch mean of batch normalisation). Each thread sums
 * a fixed block of rows; the partial sums are then added in thread order, so the result depends only
 * on the thread count, not on scheduling.
 */
void sumRows(const float* x, float* out, int64_t rows, int64_t cols, double scale) {
  const int threads = static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(threadsFor(static_cast<double>(rows * cols)), rows / 64)));
  std::vector<double> partial(static_cast<size_t>(threads * cols), 0.0);
#pragma omp parallel num_threads(threads)
  {
    const int t = omp_get_thread_num();
    const int64_t begin = rows * t / threads, end = rows * (t + 1) / threads;
    double* acc = partial.data() + t * cols;
    for (int64_t i = begin; i < end; i++) {
      const float* row = x + i * cols;
      for (int64_t j = 0; j < cols; j++) acc[j] += row[j];
    }
  }
  for (int64_t j = 0; j < cols; j++) {
    double s = 0;
    for (int t = 0; t < threads; t++) s += partial[t * cols + j];
    out[j] = static_cast<float>(s * scale);
  }
}

/** sumRows(x, out, rows, cols, scale = 1): out = scale · Σ rows (scale 1/rows gives the mean). */
Napi::Value SumRows(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 4 || !info[2].IsNumber() || !info[3].IsNumber()) fail(env, "sumRows", "expected (x, out, rows, cols)");
  const int64_t rows = info[2].As<Napi::Number>().Int64Value(), cols = info[3].As<Napi::Number>().Int64Value();
  if (rows < 0 || cols < 1) fail(env, "sumRows", "rows must be ≥ 0 and cols ≥ 1");
  const float* x = floatArg(info, 0, static_cast<size_t>(rows * cols), "sumRows x");
  float* out = floatArg(info, 1, static_cast<size_t>(cols), "sumRows out");
  const double scale = info.Length() > 4 && info[4].IsNumber() ? info[4].As<Napi::Number>().DoubleValue() : 1.0;
  sumRows(x, out, rows, cols, scale);
  return env.Undefined();
}

}  // namespace

void registerElementwise(Napi::Env env, Napi::Object exports) { exports.Set("sumRows", Napi::Function::New(env, SumRows)); }

}  // namespace tfjs_onednn
