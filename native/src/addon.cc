// Entry point of the oneDNN addon: engine, stream, thread count, argument helpers, and the exports of
// every op file. Used from lib/backend/native-addon.ts.
#include <omp.h>

#include "common.hpp"

namespace tfjs_onednn {

dnnl::engine& cpuEngine() {
  static dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

dnnl::stream& cpuStream() {
  static dnnl::stream stream(cpuEngine());
  return stream;
}

static int generation = 0;
int threadGeneration() { return generation; }

static int configured = 1;
int configuredThreads() { return configured; }

int threadsFor(double flops) { return flops < kMinParallelFlops ? 1 : configured; }

ScopedThreads::ScopedThreads(int threads) : saved_(omp_get_max_threads()) {
  if (threads != saved_) omp_set_num_threads(threads);
}
ScopedThreads::~ScopedThreads() {
  if (omp_get_max_threads() != saved_) omp_set_num_threads(saved_);
}

void fail(const Napi::Env& env, const std::string& op, const std::string& message) {
  throw Napi::Error::New(env, op + ": " + message);
}

float* floatArg(const Napi::CallbackInfo& info, size_t index, size_t expected, const char* what) {
  Napi::Env env = info.Env();
  if (index >= info.Length() || !info[index].IsTypedArray()) fail(env, what, "expected a Float32Array");
  auto array = info[index].As<Napi::TypedArray>();
  if (array.TypedArrayType() != napi_float32_array) fail(env, what, "expected a Float32Array");
  auto f = array.As<Napi::Float32Array>();
  if (f.ElementLength() != expected) {
    fail(env, what, "has " + std::to_string(f.ElementLength()) + " elements, the geometry needs " + std::to_string(expected));
  }
  return f.Data();
}

float* optionalFloatArg(const Napi::CallbackInfo& info, size_t index, size_t expected, const char* what) {
  if (index >= info.Length() || info[index].IsNull() || info[index].IsUndefined()) return nullptr;
  return floatArg(info, index, expected, what);
}

std::vector<int64_t> geometryArg(const Napi::CallbackInfo& info, size_t index, const char* op) {
  Napi::Env env = info.Env();
  std::vector<int64_t> out;
  if (index < info.Length() && info[index].IsArray()) {
    auto array = info[index].As<Napi::Array>();
    for (uint32_t i = 0; i < array.Length(); i++) {
      Napi::Value v = array.Get(i);
      if (!v.IsNumber()) fail(env, op, "geometry entry " + std::to_string(i) + " is not a number");
      out.push_back(v.As<Napi::Number>().Int64Value());
    }
    return out;
  }
  fail(env, op, "expected the geometry as an array of integers");
}

/** setThreads(n): the OpenMP thread count of every later call (n ≥ 1). */
static Napi::Value SetThreads(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) fail(env, "setThreads", "expected a thread count");
  int n = info[0].As<Napi::Number>().Int32Value();
  if (n < 1) fail(env, "setThreads", "the thread count must be at least 1, got " + std::to_string(n));
  if (n != configured) generation++;
  configured = n;
  omp_set_num_threads(n);
  return env.Undefined();
}

/** getThreads(): the thread count set with setThreads (ops too small to share run on one). */
static Napi::Value GetThreads(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), configured);
}

/** version(): oneDNN's version, e.g. "2.6.3". */
static Napi::Value Version(const Napi::CallbackInfo& info) {
  const dnnl_version_t* v = dnnl_version();
  return Napi::String::New(info.Env(), std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch));
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  configured = omp_get_max_threads();
  exports.Set("setThreads", Napi::Function::New(env, SetThreads));
  exports.Set("getThreads", Napi::Function::New(env, GetThreads));
  exports.Set("version", Napi::Function::New(env, Version));
  registerConv(env, exports);
  registerPool(env, exports);
  registerMatmul(env, exports);
  registerElementwise(env, exports);
  registerBatchNorm(env, exports);
  return exports;
}

}  // namespace tfjs_onednn

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return tfjs_onednn::Init(env, exports); }

NODE_API_MODULE(tfjs_onednn, InitAddon)
