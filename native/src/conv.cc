// Convolutions through oneDNN, 2-D (NHWC data, HWIO filters) and 3-D (NDHWC, DHWIO): the forward
// pass (with an optional bias and ReLU), the input gradient and the filter gradient, working in place
// on tfjs's tensors (Float32Array views into the wasm heap).
//
// Filters are handed to oneDNN in the layout it prefers (format `any`) and reordered from/to tfjs's
// HWIO each call: with plain HWIO weights oneDNN picks a gemm path about 2× slower
// (shared/notes/onednn.md). Data stays channels-last: reordering activations cost more than it saved.
#include <algorithm>
#include <string>

#include "common.hpp"

namespace tfjs_onednn {
namespace {

using dnnl::memory;
using tag = memory::format_tag;
using dt = memory::data_type;

/** Sizes of one convolution, from the geometry array
 * [rank, batch, inChannels, outChannels, in[rank], kernel[rank], out[rank], strides[rank],
 *  dilations[rank], padBegin[rank]]. */
struct ConvGeometry {
  int rank;
  memory::dims src, weights, dst, strides, dilates, padL, padR;
  bool bias = false;
  bool relu = false;
};

ConvGeometry parseGeometry(const Napi::Env& env, const std::vector<int64_t>& g, const char* op) {
  if (g.empty() || (g[0] != 2 && g[0] != 3)) fail(env, op, "geometry must start with the spatial rank 2 or 3");
  const int r = static_cast<int>(g[0]);
  if (g.size() != static_cast<size_t>(4 + 6 * r)) fail(env, op, "geometry has " + std::to_string(g.size()) + " entries, expected " + std::to_string(4 + 6 * r));
  for (size_t i = 1; i < g.size(); i++) {
    const bool isPad = i >= static_cast<size_t>(4 + 5 * r);
    if (isPad ? g[i] < 0 : g[i] < 1) fail(env, op, "geometry entry " + std::to_string(i) + " is out of range: " + std::to_string(g[i]));
  }
  ConvGeometry c;
  c.rank = r;
  const int64_t n = g[1], ic = g[2], oc = g[3];
  auto at = [&](int block, int d) { return g[4 + block * r + d]; };
  c.src = {n, ic};
  c.dst = {n, oc};
  c.weights = {oc, ic};
  for (int d = 0; d < r; d++) {
    c.src.push_back(at(0, d));
    c.weights.push_back(at(1, d));
    c.dst.push_back(at(2, d));
    c.strides.push_back(at(3, d));
    c.dilates.push_back(at(4, d) - 1);  // oneDNN counts the gaps: dilation 1 is 0
    c.padL.push_back(at(5, d));
    // End padding from the output size; oneDNN checks out = (in + padL + padR − keff) / stride + 1 with
    // integer division, so a 'valid' layer whose last window does not fit needs padR ≥ 0, not negative.
    const int64_t keff = (at(1, d) - 1) * at(4, d) + 1;
    c.padR.push_back(std::max<int64_t>(0, (at(2, d) - 1) * at(3, d) + keff - at(0, d) - at(5, d)));
  }
  return c;
}

/** Multiply-adds × 2 of the convolution (the same for its two gradients). */
double flops(const ConvGeometry& c) {
  double perOutput = 2.0 * static_cast<double>(c.weights[1]);
  for (size_t d = 2; d < c.weights.size(); d++) perOutput *= static_cast<double>(c.weights[d]);
  return perOutput * static_cast<double>(product(c.dst));
}

tag dataTag(int rank) { return rank == 2 ? tag::nhwc : tag::ndhwc; }
tag filterTag(int rank) { return rank == 2 ? tag::hwio : tag::dhwio; }

memory::desc plain(const memory::dims& dims, tag t) { return memory::desc(dims, dt::f32, t); }
memory::desc anyLayout(const memory::dims& dims) { return memory::desc(dims, dt::f32, tag::any); }

dnnl::convolution_forward::desc forwardDesc(const ConvGeometry& c, dnnl::prop_kind kind, const memory::desc& weights) {
  auto src = plain(c.src, dataTag(c.rank)), dst = plain(c.dst, dataTag(c.rank));
  if (c.bias) {
    return dnnl::convolution_forward::desc(kind, dnnl::algorithm::convolution_direct, src, weights, plain({c.dst[1]}, tag::x), dst, c.strides, c.dilates, c.padL, c.padR);
  }
  return dnnl::convolution_forward::desc(kind, dnnl::algorithm::convolution_direct, src, weights, dst, c.strides, c.dilates, c.padL, c.padR);
}

/** A reorder between tfjs's filter layout and the primitive's, with the buffer for the latter; empty
 * when the primitive takes tfjs's layout as it is. */
struct FilterLayout {
  memory::desc user, internal;
  bool same = true;
  memory buffer;
  dnnl::reorder toInternal, toUser;

  FilterLayout() = default;
  FilterLayout(const ConvGeometry& c, const memory::desc& chosen) : user(plain(c.weights, filterTag(c.rank))), internal(chosen) {
    same = user == internal;
    if (same) return;
    buffer = memory(internal, cpuEngine());
    toInternal = dnnl::reorder(memory(user, cpuEngine(), nullptr), buffer);
    toUser = dnnl::reorder(buffer, memory(user, cpuEngine(), nullptr));
  }
  /** The primitive's filter memory for tfjs's `data`, reordered into the buffer when needed. */
  memory in(float* data) {
    memory m(user, cpuEngine(), data);
    if (same) return m;
    toInternal.execute(cpuStream(), m, buffer);
    return buffer;
  }
  /** Copies the primitive's result (in `buffer`) back to tfjs's layout in `data`. */
  void out(float* data) {
    if (same) return;
    memory target(user, cpuEngine(), data);
    toUser.execute(cpuStream(), buffer, target);
  }
};

// ---- forward --------------------------------------------------------------------------------------
struct Forward {
  dnnl::convolution_forward prim;
  memory::desc src, dst, bias;
  FilterLayout filter;
};

Forward makeForward(const ConvGeometry& c) {
  dnnl::post_ops ops;
  if (c.relu) ops.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, 0.f, 0.f);
  dnnl::primitive_attr attr;
  attr.set_post_ops(ops);
  auto pd = dnnl::convolution_forward::primitive_desc(forwardDesc(c, dnnl::prop_kind::forward_inference, anyLayout(c.weights)), attr, cpuEngine());
  Forward f{dnnl::convolution_forward(pd), pd.src_desc(), pd.dst_desc(), c.bias ? pd.bias_desc() : memory::desc(), FilterLayout(c, pd.weights_desc())};
  return f;
}

PrimitiveCache<Forward> forwardCache;

/** convForward(geometry, x, w, bias | null, relu, y): y = act(conv(x, w) + bias). */
Napi::Value ConvForward(const Napi::CallbackInfo& info) {
  const char* op = "convForward";
  auto g = geometryArg(info, 0, op);
  ConvGeometry c = parseGeometry(info.Env(), g, op);
  c.bias = !(info[3].IsNull() || info[3].IsUndefined());
  c.relu = info[4].ToBoolean();
  float* x = floatArg(info, 1, product(c.src), "convForward x");
  float* w = floatArg(info, 2, product(c.weights), "convForward filter");
  float* b = optionalFloatArg(info, 3, static_cast<size_t>(c.dst[1]), "convForward bias");
  float* y = floatArg(info, 5, product(c.dst), "convForward y");
  g.push_back(c.bias);
  g.push_back(c.relu);
  ScopedThreads threads(threadsFor(flops(c)));
  Forward& f = forwardCache.get(g, [&] { return makeForward(c); });
  std::unordered_map<int, memory> args{
      {DNNL_ARG_SRC, memory(f.src, cpuEngine(), x)},
      {DNNL_ARG_WEIGHTS, f.filter.in(w)},
      {DNNL_ARG_DST, memory(f.dst, cpuEngine(), y)}};
  if (c.bias) args[DNNL_ARG_BIAS] = memory(f.bias, cpuEngine(), b);
  f.prim.execute(cpuStream(), args);
  cpuStream().wait();
  return info.Env().Undefined();
}

// ---- input gradient -------------------------------------------------------------------------------
struct BackwardData {
  dnnl::convolution_backward_data prim;
  memory::desc diffSrc, diffDst;
  FilterLayout filter;
  std::string impl;
};

BackwardData makeBackwardData(const ConvGeometry& c) {
  auto hint = dnnl::convolution_forward::primitive_desc(forwardDesc(c, dnnl::prop_kind::forward_training, anyLayout(c.weights)), cpuEngine());
  auto desc = dnnl::convolution_backward_data::desc(dnnl::algorithm::convolution_direct, plain(c.src, dataTag(c.rank)), anyLayout(c.weights),
                                                     plain(c.dst, dataTag(c.rank)), c.strides, c.dilates, c.padL, c.padR);
  auto pd = dnnl::convolution_backward_data::primitive_desc(desc, cpuEngine(), hint);
  return BackwardData{dnnl::convolution_backward_data(pd), pd.diff_src_desc(), pd.diff_dst_desc(), FilterLayout(c, pd.weights_desc()), pd.impl_info_str()};
}

PrimitiveCache<BackwardData> backwardDataCache;

/** convBackwardData(geometry, dy, w, dx): the gradient with respect to the convolution's input. */
Napi::Value ConvBackwardData(const Napi::CallbackInfo& info) {
  const char* op = "convBackwardData";
  auto g = geometryArg(info, 0, op);
  ConvGeometry c = parseGeometry(info.Env(), g, op);
  float* dy = floatArg(info, 1, product(c.dst), "convBackwardData dy");
  float* w = floatArg(info, 2, product(c.weights), "convBackwardData filter");
  float* dx = floatArg(info, 3, product(c.src), "convBackwardData dx");
  ScopedThreads threads(threadsFor(flops(c)));
  BackwardData& b = backwardDataCache.get(g, [&] { return makeBackwardData(c); });
  b.prim.execute(cpuStream(), {{DNNL_ARG_DIFF_DST, memory(b.diffDst, cpuEngine(), dy)},
                               {DNNL_ARG_WEIGHTS, b.filter.in(w)},
                               {DNNL_ARG_DIFF_SRC, memory(b.diffSrc, cpuEngine(), dx)}});
  cpuStream().wait();
  return info.Env().Undefined();
}

// ---- filter gradient ------------------------------------------------------------------------------
struct BackwardWeights {
  dnnl::convolution_backward_weights prim;
  memory::desc src, diffDst, diffBias;
  FilterLayout filter;
  std::string impl;
};

/** The filter gradient's primitive; with `c.bias`, it also sums dy into the bias gradient (diff_bias). */
dnnl::convolution_backward_weights::primitive_desc backwardWeightsPd(const ConvGeometry& c, const memory::desc& weights) {
  auto hint = dnnl::convolution_forward::primitive_desc(forwardDesc(c, dnnl::prop_kind::forward_training, weights), cpuEngine());
  auto src = plain(c.src, dataTag(c.rank)), dst = plain(c.dst, dataTag(c.rank));
  auto desc = c.bias ? dnnl::convolution_backward_weights::desc(dnnl::algorithm::convolution_direct, src, weights, plain({c.dst[1]}, tag::x), dst,
                                                                 c.strides, c.dilates, c.padL, c.padR)
                     : dnnl::convolution_backward_weights::desc(dnnl::algorithm::convolution_direct, src, weights, dst, c.strides, c.dilates, c.padL, c.padR);
  return dnnl::convolution_backward_weights::primitive_desc(desc, cpuEngine(), hint);
}

BackwardWeights makeBackwardWeights(const ConvGeometry& c) {
  auto pd = backwardWeightsPd(c, anyLayout(c.weights));
  std::string impl = pd.impl_info_str();
  const bool strided = std::any_of(c.strides.begin(), c.strides.end(), [](int64_t s) { return s > 1; });
  // oneDNN 2.6's jit_1x1 backward-weights kernel hangs or corrupts the heap on strided 1×1
  // convolutions with 2 OpenMP threads (shared/notes/onednn.md); with tfjs's own filter layout oneDNN
  // picks another implementation (gemm), which held over hundreds of repetitions.
  if (strided && impl.find("1x1") != std::string::npos) {
    pd = backwardWeightsPd(c, plain(c.weights, filterTag(c.rank)));
    impl = pd.impl_info_str();
  }
  return BackwardWeights{dnnl::convolution_backward_weights(pd), pd.src_desc(), pd.diff_dst_desc(), c.bias ? pd.diff_bias_desc() : memory::desc(),
                         FilterLayout(c, pd.diff_weights_desc()), impl};
}

PrimitiveCache<BackwardWeights> backwardWeightsCache;

/** convBackwardWeights(geometry, x, dy, dw, db?): the gradient with respect to the filter (HWIO / DHWIO)
 * and, when `db` is given, with respect to the bias (dy summed over every axis but the channels). */
Napi::Value ConvBackwardWeights(const Napi::CallbackInfo& info) {
  const char* op = "convBackwardWeights";
  auto g = geometryArg(info, 0, op);
  ConvGeometry c = parseGeometry(info.Env(), g, op);
  float* x = floatArg(info, 1, product(c.src), "convBackwardWeights x");
  float* dy = floatArg(info, 2, product(c.dst), "convBackwardWeights dy");
  float* dw = floatArg(info, 3, product(c.weights), "convBackwardWeights dw");
  float* db = optionalFloatArg(info, 4, static_cast<size_t>(c.dst[1]), "convBackwardWeights db");
  c.bias = db != nullptr;
  g.push_back(c.bias);
  ScopedThreads threads(threadsFor(flops(c)));
  BackwardWeights& b = backwardWeightsCache.get(g, [&] { return makeBackwardWeights(c); });
  memory diffWeights = b.filter.same ? memory(b.filter.user, cpuEngine(), dw) : b.filter.buffer;
  std::unordered_map<int, memory> args{{DNNL_ARG_SRC, memory(b.src, cpuEngine(), x)},
                                       {DNNL_ARG_DIFF_DST, memory(b.diffDst, cpuEngine(), dy)},
                                       {DNNL_ARG_DIFF_WEIGHTS, diffWeights}};
  if (c.bias) args[DNNL_ARG_DIFF_BIAS] = memory(b.diffBias, cpuEngine(), db);
  b.prim.execute(cpuStream(), args);
  b.filter.out(dw);
  cpuStream().wait();
  return info.Env().Undefined();
}

/** convImplementations(geometry): the oneDNN implementations chosen for [forward, input grad, filter
 * grad] of a geometry (for tests and diagnostics). */
Napi::Value ConvImplementations(const Napi::CallbackInfo& info) {
  const char* op = "convImplementations";
  auto g = geometryArg(info, 0, op);
  ConvGeometry c = parseGeometry(info.Env(), g, op);
  ScopedThreads threads(threadsFor(flops(c)));
  Napi::Array out = Napi::Array::New(info.Env(), 3);
  auto fwd = dnnl::convolution_forward::primitive_desc(forwardDesc(c, dnnl::prop_kind::forward_inference, anyLayout(c.weights)), cpuEngine());
  out.Set(0u, Napi::String::New(info.Env(), fwd.impl_info_str()));
  out.Set(1u, Napi::String::New(info.Env(), makeBackwardData(c).impl));
  out.Set(2u, Napi::String::New(info.Env(), makeBackwardWeights(c).impl));
  return out;
}

}  // namespace

void registerConv(Napi::Env env, Napi::Object exports) {
  exports.Set("convForward", Napi::Function::New(env, ConvForward));
  exports.Set("convBackwardData", Napi::Function::New(env, ConvBackwardData));
  exports.Set("convBackwardWeights", Napi::Function::New(env, ConvBackwardWeights));
  exports.Set("convImplementations", Napi::Function::New(env, ConvImplementations));
}

}  // namespace tfjs_onednn
