// Max pooling through oneDNN, 2-D (NHWC) and 3-D (NDHWC): forward, and the gradient. tfjs's
// MaxPoolGrad carries no argmax, so the gradient reruns the forward pass in training mode to get
// oneDNN's workspace (the argmax), then routes dy through it (shared/notes/onednn.md: 1.4 ms per
// step of the reference CNN against 11 ms before).
#include <algorithm>
#include <string>

#include "common.hpp"

namespace tfjs_onednn {
namespace {

using dnnl::memory;
using tag = memory::format_tag;
using dt = memory::data_type;

/** Sizes from [rank, batch, channels, in[rank], window[rank], out[rank], strides[rank], padBegin[rank]]. */
struct PoolGeometry {
  int rank;
  memory::dims src, dst, kernel, strides, padL, padR;
};

PoolGeometry parseGeometry(const Napi::Env& env, const std::vector<int64_t>& g, const char* op) {
  if (g.empty() || (g[0] != 2 && g[0] != 3)) fail(env, op, "geometry must start with the spatial rank 2 or 3");
  const int r = static_cast<int>(g[0]);
  if (g.size() != static_cast<size_t>(3 + 5 * r)) fail(env, op, "geometry has " + std::to_string(g.size()) + " entries, expected " + std::to_string(3 + 5 * r));
  for (size_t i = 1; i < g.size(); i++) {
    const bool isPad = i >= static_cast<size_t>(3 + 4 * r);
    if (isPad ? g[i] < 0 : g[i] < 1) fail(env, op, "geometry entry " + std::to_string(i) + " is out of range: " + std::to_string(g[i]));
  }
  PoolGeometry p;
  p.rank = r;
  auto at = [&](int block, int d) { return g[3 + block * r + d]; };
  p.src = {g[1], g[2]};
  p.dst = {g[1], g[2]};
  for (int d = 0; d < r; d++) {
    p.src.push_back(at(0, d));
    p.kernel.push_back(at(1, d));
    p.dst.push_back(at(2, d));
    p.strides.push_back(at(3, d));
    p.padL.push_back(at(4, d));
    // oneDNN checks the output size with integer division: never a negative end padding.
    p.padR.push_back(std::max<int64_t>(0, (at(2, d) - 1) * at(3, d) + at(1, d) - at(0, d) - at(4, d)));
  }
  return p;
}

/**
 * The work of a pooling pass for threadsFor: comparisons (window size × outputs) plus the input
 * elements, which it streams through memory (a pass is memory-bound: counting comparisons alone kept
 * the reference CNN's 2×2 pooling of 1.8 M inputs on one thread).
 */
double poolWork(const PoolGeometry& p) {
  return static_cast<double>(product(p.kernel)) * static_cast<double>(product(p.dst)) + static_cast<double>(product(p.src));
}

memory::desc plain(const PoolGeometry& p, const memory::dims& dims) {
  return memory::desc(dims, dt::f32, p.rank == 2 ? tag::nhwc : tag::ndhwc);
}

dnnl::pooling_forward::primitive_desc forwardPd(const PoolGeometry& p, dnnl::prop_kind kind) {
  auto desc = dnnl::pooling_forward::desc(kind, dnnl::algorithm::pooling_max, plain(p, p.src), plain(p, p.dst), p.strides, p.kernel, p.padL, p.padR);
  return dnnl::pooling_forward::primitive_desc(desc, cpuEngine());
}

struct Forward {
  dnnl::pooling_forward prim;
  memory::desc src, dst;
};

PrimitiveCache<Forward> forwardCache;

/** maxPoolForward(geometry, x, y). */
Napi::Value MaxPoolForward(const Napi::CallbackInfo& info) {
  const char* op = "maxPoolForward";
  auto g = geometryArg(info, 0, op);
  PoolGeometry p = parseGeometry(info.Env(), g, op);
  float* x = floatArg(info, 1, product(p.src), "maxPoolForward x");
  float* y = floatArg(info, 2, product(p.dst), "maxPoolForward y");
  ScopedThreads threads(threadsFor(poolWork(p)));
  Forward& f = forwardCache.get(g, [&] {
    auto pd = forwardPd(p, dnnl::prop_kind::forward_inference);
    return Forward{dnnl::pooling_forward(pd), pd.src_desc(), pd.dst_desc()};
  });
  f.prim.execute(cpuStream(), {{DNNL_ARG_SRC, memory(f.src, cpuEngine(), x)}, {DNNL_ARG_DST, memory(f.dst, cpuEngine(), y)}});
  cpuStream().wait();
  return info.Env().Undefined();
}

struct Backward {
  dnnl::pooling_forward forward;
  dnnl::pooling_backward backward;
  memory::desc src, diffSrc, diffDst;
  memory dst, workspace;  // the recomputed forward output (discarded) and the argmax
};

Backward makeBackward(const PoolGeometry& p) {
  auto fwd = forwardPd(p, dnnl::prop_kind::forward_training);
  auto desc = dnnl::pooling_backward::desc(dnnl::algorithm::pooling_max, plain(p, p.src), plain(p, p.dst), p.strides, p.kernel, p.padL, p.padR);
  auto bwd = dnnl::pooling_backward::primitive_desc(desc, cpuEngine(), fwd);
  return Backward{dnnl::pooling_forward(fwd), dnnl::pooling_backward(bwd), fwd.src_desc(), bwd.diff_src_desc(), bwd.diff_dst_desc(),
                  memory(fwd.dst_desc(), cpuEngine()), memory(fwd.workspace_desc(), cpuEngine())};
}

PrimitiveCache<Backward> backwardCache;

/** maxPoolBackward(geometry, x, dy, dx): dx routes each dy to the maximum of its window. */
Napi::Value MaxPoolBackward(const Napi::CallbackInfo& info) {
  const char* op = "maxPoolBackward";
  auto g = geometryArg(info, 0, op);
  PoolGeometry p = parseGeometry(info.Env(), g, op);
  float* x = floatArg(info, 1, product(p.src), "maxPoolBackward x");
  float* dy = floatArg(info, 2, product(p.dst), "maxPoolBackward dy");
  float* dx = floatArg(info, 3, product(p.src), "maxPoolBackward dx");
  ScopedThreads threads(threadsFor(2 * poolWork(p)));
  Backward& b = backwardCache.get(g, [&] { return makeBackward(p); });
  b.forward.execute(cpuStream(), {{DNNL_ARG_SRC, memory(b.src, cpuEngine(), x)}, {DNNL_ARG_DST, b.dst}, {DNNL_ARG_WORKSPACE, b.workspace}});
  b.backward.execute(cpuStream(), {{DNNL_ARG_DIFF_DST, memory(b.diffDst, cpuEngine(), dy)},
                                   {DNNL_ARG_WORKSPACE, b.workspace},
                                   {DNNL_ARG_DIFF_SRC, memory(b.diffSrc, cpuEngine(), dx)}});
  cpuStream().wait();
  return info.Env().Undefined();
}

}  // namespace

void registerPool(Napi::Env env, Napi::Object exports) {
  exports.Set("maxPoolForward", Napi::Function::New(env, MaxPoolForward));
  exports.Set("maxPoolBackward", Napi::Function::New(env, MaxPoolBackward));
}

}  // namespace tfjs_onednn
