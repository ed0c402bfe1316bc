// Batched matrix products through oneDNN: C[b] = act(op(A[b]) · op(B[b]) + bias), op = optional
// transpose (read through strides, no copy). Serves tfjs's BatchMatMul and _FusedMatMul (dense layers
// and their gradients).
#include <string>

#include "common.hpp"

namespace tfjs_onednn {
namespace {

using dnnl::memory;
using dt = memory::data_type;

/** Sizes from [batchA, batchB, M, K, N, transposeA, transposeB]; batchB is batchA or 1 (one B for all). */
struct MatmulGeometry {
  int64_t batchA, batchB, m, k, n;
  bool transA, transB;
};

MatmulGeometry parseGeometry(const Napi::Env& env, const std::vector<int64_t>& g) {
  if (g.size() != 7) fail(env, "matmul", "geometry has " + std::to_string(g.size()) + " entries, expected 7");
  for (size_t i = 0; i < 5; i++) {
    if (g[i] < 1) fail(env, "matmul", "geometry entry " + std::to_string(i) + " is out of range: " + std::to_string(g[i]));
  }
  if (g[1] != g[0] && g[1] != 1) fail(env, "matmul", "B's batch must equal A's or be 1");
  return MatmulGeometry{g[0], g[1], g[2], g[3], g[4], g[5] != 0, g[6] != 0};
}

/** A row-major [batch, rows, cols] matrix, or its transpose when `transposed` (stored [batch, cols, rows]). */
memory::desc matrix(int64_t batch, int64_t rows, int64_t cols, bool transposed) {
  memory::dims strides = transposed ? memory::dims{rows * cols, 1, rows} : memory::dims{rows * cols, cols, 1};
  return memory::desc({batch, rows, cols}, dt::f32, strides);
}

struct Entry {
  dnnl::matmul prim;
  memory::desc a, b, c, bias;
};

Entry makeEntry(const MatmulGeometry& g, bool bias, bool relu) {
  auto a = matrix(g.batchA, g.m, g.k, g.transA);
  auto b = matrix(g.batchB, g.k, g.n, g.transB);
  auto c = matrix(g.batchA, g.m, g.n, false);
  memory::desc biasDesc = bias ? memory::desc({1, 1, g.n}, dt::f32, memory::dims{g.n, g.n, 1}) : memory::desc();
  dnnl::post_ops ops;
  if (relu) ops.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, 0.f, 0.f);
  dnnl::primitive_attr attr;
  attr.set_post_ops(ops);
  auto desc = bias ? dnnl::matmul::desc(a, b, biasDesc, c) : dnnl::matmul::desc(a, b, c);
  auto pd = dnnl::matmul::primitive_desc(desc, attr, cpuEngine());
  return Entry{dnnl::matmul(pd), a, b, c, biasDesc};
}

PrimitiveCache<Entry> cache;

/** matmul(geometry, a, b, bias | null, relu, c). */
Napi::Value Matmul(const Napi::CallbackInfo& info) {
  auto key = geometryArg(info, 0, "matmul");
  MatmulGeometry g = parseGeometry(info.Env(), key);
  const bool bias = !(info[3].IsNull() || info[3].IsUndefined());
  const bool relu = info[4].ToBoolean();
  float* a = floatArg(info, 1, static_cast<size_t>(g.batchA * g.m * g.k), "matmul a");
  float* b = floatArg(info, 2, static_cast<size_t>(g.batchB * g.k * g.n), "matmul b");
  float* biasData = optionalFloatArg(info, 3, static_cast<size_t>(g.n), "matmul bias");
  float* c = floatArg(info, 5, static_cast<size_t>(g.batchA * g.m * g.n), "matmul c");
  key.push_back(bias);
  key.push_back(relu);
  ScopedThreads threads(threadsFor(2.0 * static_cast<double>(g.batchA) * static_cast<double>(g.m) * static_cast<double>(g.k) * static_cast<double>(g.n)));
  Entry& e = cache.get(key, [&] { return makeEntry(g, bias, relu); });
  std::unordered_map<int, memory> args{{DNNL_ARG_SRC, memory(e.a, cpuEngine(), a)},
                                       {DNNL_ARG_WEIGHTS, memory(e.b, cpuEngine(), b)},
                                       {DNNL_ARG_DST, memory(e.c, cpuEngine(), c)}};
  if (bias) args[DNNL_ARG_BIAS] = memory(e.bias, cpuEngine(), biasData);
  e.prim.execute(cpuStream(), args);
  cpuStream().wait();
  return info.Env().Undefined();
}

}  // namespace

void registerMatmul(Napi::Env env, Napi::Object exports) { exports.Set("matmul", Napi::Function::New(env, Matmul)); }

}  // namespace tfjs_onednn
