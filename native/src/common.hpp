// Shared pieces of the oneDNN addon: the CPU engine and stream, typed-array arguments and a small
// cache of primitives keyed by op and geometry.
#pragma once

#include <napi.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "oneapi/dnnl/dnnl.hpp"

namespace tfjs_onednn {

/** The process-wide CPU engine. */
dnnl::engine& cpuEngine();
/** The process-wide stream on it (calls are synchronous: every primitive is waited for). */
dnnl::stream& cpuStream();

/** Bumped whenever the thread count changes: primitives are created for a thread count, so caches drop
 * entries built under another one. */
int threadGeneration();

/** The thread count set with setThreads (TFJS_THREADS). */
int configuredThreads();

/**
 * Threads for an op of `flops` floating-point operations: all configured threads, or 1 for small ops.
 * Waking a second thread costs tens of µs on an idle machine and a whole scheduler time slice on a
 * busy one (a 256×256 bias sum took 13 ms at 2 threads with 7 processes per core, against 0.04 ms at
 * 1), so work under `kMinParallelFlops` runs on the calling thread. Depends only on the geometry and
 * the configured count, so results stay reproducible.
 */
constexpr double kMinParallelFlops = 2e6;
int threadsFor(double flops);

/** Sets OpenMP's thread count for its lifetime (primitives created and run inside use it). */
class ScopedThreads {
 public:
  explicit ScopedThreads(int threads);
  ~ScopedThreads();
  ScopedThreads(const ScopedThreads&) = delete;
  ScopedThreads& operator=(const ScopedThreads&) = delete;

 private:
  int saved_;
};

/** A float32 argument: the data of a Float32Array (no copy) and its length, checked against what the
 * geometry says (`what` names the argument in the error). */
float* floatArg(const Napi::CallbackInfo& info, size_t index, size_t expected, const char* what);
/** A float32 argument that may be null or undefined (then nullptr). */
float* optionalFloatArg(const Napi::CallbackInfo& info, size_t index, size_t expected, const char* what);
/** The integer geometry array at `index` (a plain array or an Int32Array). */
std::vector<int64_t> geometryArg(const Napi::CallbackInfo& info, size_t index, const char* op);
/** Throws a JS Error "<op>: <message>". */
[[noreturn]] void fail(const Napi::Env& env, const std::string& op, const std::string& message);

/**
 * Primitives cached by a key (the geometry and flags). Bounded: cleared when it reaches `capacity`
 * entries (a training run uses a handful of shapes; a sweep over shapes must not grow it forever), and
 * when the thread count changes.
 */
template <typename Entry>
class PrimitiveCache {
 public:
  explicit PrimitiveCache(size_t capacity = 256) : capacity_(capacity) {}
  template <typename Make>
  Entry& get(const std::vector<int64_t>& key, Make make) {
    if (generation_ != threadGeneration()) {
      entries_.clear();
      generation_ = threadGeneration();
    }
    auto it = entries_.find(key);
    if (it != entries_.end()) return *it->second;
    if (entries_.size() >= capacity_) entries_.clear();
    auto made = std::make_unique<Entry>(make());
    Entry& ref = *made;
    entries_.emplace(key, std::move(made));
    return ref;
  }

 private:
  size_t capacity_;
  int generation_ = -1;
  std::map<std::vector<int64_t>, std::unique_ptr<Entry>> entries_;
};

/** Element count of a dims vector. */
inline size_t product(const dnnl::memory::dims& d) {
  size_t n = 1;
  for (auto v : d) n *= static_cast<size_t>(v);
  return n;
}

/** Compiles a plain loop function once per instruction set (AVX-512, AVX2, baseline SSE2) and picks the
 * machine's best when the addon loads (GCC's target_clones: the build stays portable). Contraction into
 * FMA is off for the whole addon (-ffp-contract=off), so every clone computes the same float32 results. */
#define VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

/** Registers each op's functions on the module's exports. */
void registerConv(Napi::Env env, Napi::Object exports);
void registerPool(Napi::Env env, Napi::Object exports);
void registerMatmul(Napi::Env env, Napi::Object exports);
void registerElementwise(Napi::Env env, Napi::Object exports);
void registerBatchNorm(Napi::Env env, Napi::Object exports);

}  // namespace tfjs_onednn
