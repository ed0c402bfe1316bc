// Reductions in plain C++ with OpenMP: oneDNN 2.6's reduction primitive is a reference
// implementation here (26.6 ms for a 57600×32 sum against 0.2 ms for a loop; shared/notes/onednn.md).
// Also the element-wise passes of Adam and the ReLU gradient, and the strided row copies of Concat
// and SplitV (lib/backend/concat.ts).
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstring>
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
/** acc[j] += Σ_{begin ≤ i < end} x[i·cols + j], row after row (the order of the sum per column is fixed). */
VECTOR_CLONES void addRows(const float* x, double* acc, int64_t begin, int64_t end, int64_t cols) {
  for (int64_t i = begin; i < end; i++) {
    const float* row = x + i * cols;
    for (int64_t j = 0; j < cols; j++) acc[j] += row[j];
  }
}

void sumRows(const float* x, float* out, int64_t rows, int64_t cols, double scale) {
  const int threads = static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(threadsFor(static_cast<double>(rows * cols)), rows / 64)));
  std::vector<double> partial(static_cast<size_t>(threads * cols), 0.0);
#pragma omp parallel num_threads(threads)
  {
    const int t = omp_get_thread_num();
    const int64_t begin = rows * t / threads, end = rows * (t + 1) / threads;
    addRows(x, partial.data() + t * cols, begin, end, cols);
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

/**
 * One Adam step for one variable, in float32 exactly as tfjs-core 4.22's AdamOptimizer writes it
 * (Kingma & Ba 2015, Algorithm 1, bias corrections applied to the moments):
 *   m' = β1·m + (1 − β1)·g,  v' = β2·v + (1 − β2)·g²,
 *   θ' = θ − lr · (m' / c1) / (√(v' / c2) + ε),  c1 = 1 − β1ᵗ, c2 = 1 − β2ᵗ.
 * One pass instead of tfjs's fourteen element-wise kernels.
 */
/** Work per element of Adam's update for threadsFor: a division and a square root cost about as much
 * as a dozen additions; with 10 the reference CNN's 168 000 parameters stayed on one thread (0.66 ms per
 * step at 1 and at 2 threads). */
constexpr double kAdamWork = 16.0;

/** Adam's update of elements [0, n) (outputs may be the inputs themselves); `k`: [lr, β1, β2, 1 − β1, 1 − β2, ε, c1, c2]. */
VECTOR_CLONES void adamRange(const float* value, const float* m, const float* v, const float* g, float* outValue, float* outM, float* outV, int64_t n,
                             const float* k) {
  const float lr = k[0], beta1 = k[1], beta2 = k[2], oneMinusBeta1 = k[3], oneMinusBeta2 = k[4], eps = k[5], c1 = k[6], c2 = k[7];
  for (int64_t i = 0; i < n; i++) {
    const float nm = m[i] * beta1 + g[i] * oneMinusBeta1;
    const float nv = v[i] * beta2 + (g[i] * g[i]) * oneMinusBeta2;
    outM[i] = nm;
    outV[i] = nv;
    outValue[i] = ((nm / c1) / (std::sqrt(nv / c2) + eps)) * -lr + value[i];
  }
}

void adam(const float* value, const float* m, const float* v, const float* g, float* outValue, float* outM, float* outV, int64_t n, const float* k) {
#pragma omp parallel num_threads(threadsFor(kAdamWork * static_cast<double>(n)))
  {
    const int t = omp_get_thread_num(), nt = omp_get_num_threads();
    const int64_t lo = n * t / nt, hi = n * (t + 1) / nt;
    adamRange(value + lo, m + lo, v + lo, g + lo, outValue + lo, outM + lo, outV + lo, hi - lo, k);
  }
}

/** adamUpdate(value, m, v, g, outValue, outM, outV, [lr, beta1, beta2, 1 − beta1, 1 − beta2, eps, c1, c2]). */
Napi::Value AdamUpdate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 8 || !info[0].IsTypedArray()) fail(env, "adamUpdate", "expected (value, m, v, g, outValue, outM, outV, scalars)");
  const size_t n = info[0].As<Napi::Float32Array>().ElementLength();
  const char* names[] = {"adamUpdate value", "adamUpdate m", "adamUpdate v", "adamUpdate gradient", "adamUpdate new value", "adamUpdate new m", "adamUpdate new v"};
  float* a[7];
  for (size_t i = 0; i < 7; i++) a[i] = floatArg(info, i, n, names[i]);
  if (!info[7].IsArray()) fail(env, "adamUpdate", "expected the scalars as an array");
  auto scalars = info[7].As<Napi::Array>();
  if (scalars.Length() != 8) fail(env, "adamUpdate", "expected 8 scalars");
  float k[8];
  for (uint32_t i = 0; i < 8; i++) k[i] = static_cast<float>(scalars.Get(i).As<Napi::Number>().DoubleValue());
  adam(a[0], a[1], a[2], a[3], a[4], a[5], a[6], static_cast<int64_t>(n), k);
  return env.Undefined();
}

/**
 * Adam steps for many variables in one call, in place: segments [value, m, v, g, n] × k hold element
 * indices into `heap` (the wasm heap as one Float32Array). The elements of all variables are split
 * evenly between the threads in one parallel region (a 64-element bias and a 150 000-element kernel
 * share one wake-up instead of one each); each element's update is `adam`'s, so the result does not
 * depend on the thread count.
 */
void adamInPlace(float* heap, const std::vector<int64_t>& seg, int64_t total, const float* k) {
  const size_t count = seg.size() / 5;
  const int threads = threadsFor(kAdamWork * static_cast<double>(total));
#pragma omp parallel num_threads(threads)
  {
    const int t = omp_get_thread_num(), nt = omp_get_num_threads();
    const int64_t begin = total * t / nt, end = total * (t + 1) / nt;
    int64_t base = 0;
    for (size_t s = 0; s < count && base < end; s++) {
      const int64_t n = seg[5 * s + 4], lo = std::max(begin, base), hi = std::min(end, base + n);
      if (lo < hi) {
        float* value = heap + seg[5 * s] + (lo - base);
        float* m = heap + seg[5 * s + 1] + (lo - base);
        float* v = heap + seg[5 * s + 2] + (lo - base);
        const float* g = heap + seg[5 * s + 3] + (lo - base);
        adamRange(value, m, v, g, value, m, v, hi - lo, k);
      }
      base += n;
    }
  }
}

/** A Float32Array argument holding at least `needed` elements (the data; no copy). */
float* spanArg(const Napi::CallbackInfo& info, size_t index, int64_t needed, const char* what) {
  Napi::Env env = info.Env();
  if (index >= info.Length() || !info[index].IsTypedArray() || info[index].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
    fail(env, what, "expected a Float32Array");
  }
  auto f = info[index].As<Napi::Float32Array>();
  if (static_cast<int64_t>(f.ElementLength()) < needed) {
    fail(env, what, "has " + std::to_string(f.ElementLength()) + " elements, the call reaches " + std::to_string(needed));
  }
  return f.Data();
}

/** adamUpdateInPlace(heap, segments, scalars): segments a Float64Array of [value, m, v, g, n] element
 * indices into heap per variable; value, m and v are overwritten. */
Napi::Value AdamUpdateInPlace(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* op = "adamUpdateInPlace";
  if (info.Length() < 3 || !info[1].IsTypedArray() || !info[2].IsArray()) fail(env, op, "expected (heap, segments, scalars)");
  auto segArray = info[1].As<Napi::Float64Array>();
  if (segArray.TypedArrayType() != napi_float64_array || segArray.ElementLength() % 5 != 0) fail(env, op, "segments must be a Float64Array of [value, m, v, g, n] per variable");
  std::vector<int64_t> seg(segArray.ElementLength());
  int64_t total = 0, reach = 0;
  for (size_t i = 0; i < seg.size(); i++) seg[i] = static_cast<int64_t>(segArray[i]);
  for (size_t s = 0; s < seg.size() / 5; s++) {
    const int64_t n = seg[5 * s + 4];
    for (int j = 0; j < 4; j++) {
      if (n < 0 || seg[5 * s + j] < 0) fail(env, op, "segment " + std::to_string(s) + " has a negative index or size");
      reach = std::max(reach, seg[5 * s + j] + n);
    }
    total += n;
  }
  float* heap = spanArg(info, 0, reach, "adamUpdateInPlace heap");
  auto scalars = info[2].As<Napi::Array>();
  if (scalars.Length() != 8) fail(env, op, "expected 8 scalars");
  float k[8];
  for (uint32_t i = 0; i < 8; i++) k[i] = static_cast<float>(scalars.Get(i).As<Napi::Number>().DoubleValue());
  adamInPlace(heap, seg, total, k);
  return env.Undefined();
}

/**
 * The gradient of ReLU from its output y: dx = dy · step(y), as tfjs-core's fused ops compute it
 * (`mul(dy, step(y))`, step(NaN) = NaN), in one pass instead of two kernels and an intermediate.
 * Memory-bound: its work for threadsFor is the 2 floats it reads per element (alone on 2 shared cores,
 * 2 threads took 0.24–0.31 ms at 1.8 M elements against 0.41–0.45 at 1, and gained nothing at 0.46 M).
 */
void reluBackward(const float* dy, const float* y, float* dx, int64_t n) {
#pragma omp parallel for num_threads(threadsFor(2.0 * static_cast<double>(n))) schedule(static)
  for (int64_t i = 0; i < n; i++) {
    const float step = std::isnan(y[i]) ? y[i] : (y[i] > 0.f ? 1.f : 0.f);
    dx[i] = dy[i] * step;
  }
}

/** reluBackward(dy, y, dx): dx = dy · step(y). */
Napi::Value ReluBackward(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsTypedArray()) fail(env, "reluBackward", "expected (dy, y, dx)");
  const size_t n = info[0].As<Napi::Float32Array>().ElementLength();
  const float* dy = floatArg(info, 0, n, "reluBackward dy");
  const float* y = floatArg(info, 1, n, "reluBackward y");
  float* dx = floatArg(info, 2, n, "reluBackward dx");
  reluBackward(dy, y, dx, static_cast<int64_t>(n));
  return env.Undefined();
}

/**
 * copyRows(src, dst, [srcAt, srcStride, dstAt, dstStride, n, rows]):
 * dst[dstAt + r·dstStride + j] = src[srcAt + r·srcStride + j] for j < n, r < rows — one piece of a
 * Concat or SplitV seen as [rows, n] inside [rows, stride]. Bytes are copied as they are, so int32
 * tensors pass through Float32Array views of their memory unchanged.
 */
Napi::Value CopyRows(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::vector<int64_t> g = geometryArg(info, 2, "copyRows");
  if (g.size() != 6) fail(env, "copyRows", "expected the geometry [srcAt, srcStride, dstAt, dstStride, n, rows]");
  const int64_t srcAt = g[0], srcStride = g[1], dstAt = g[2], dstStride = g[3], n = g[4], rows = g[5];
  if (*std::min_element(g.begin(), g.end()) < 0) fail(env, "copyRows", "offsets, strides and sizes must be ≥ 0");
  if (rows == 0 || n == 0) return env.Undefined();
  const float* src = spanArg(info, 0, srcAt + (rows - 1) * srcStride + n, "copyRows src");
  float* dst = spanArg(info, 1, dstAt + (rows - 1) * dstStride + n, "copyRows dst");
  const size_t bytes = static_cast<size_t>(n) * sizeof(float);
  for (int64_t r = 0; r < rows; r++) std::memcpy(dst + dstAt + r * dstStride, src + srcAt + r * srcStride, bytes);
  return env.Undefined();
}

}  // namespace

void registerElementwise(Napi::Env env, Napi::Object exports) {
  exports.Set("copyRows", Napi::Function::New(env, CopyRows));
  exports.Set("sumRows", Napi::Function::New(env, SumRows));
  exports.Set("adamUpdate", Napi::Function::New(env, AdamUpdate));
  exports.Set("adamUpdateInPlace", Napi::Function::New(env, AdamUpdateInPlace));
  exports.Set("reluBackward", Napi::Function::New(env, ReluBackward));
}

}  // namespace tfjs_onednn
