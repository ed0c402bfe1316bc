# The oneDNN addon (see native/README.md). Built by environment/build-native.mjs with
#   node-gyp rebuild --nodedir=/usr   (Debian's Node headers in /usr/include/node; no download)
{
  "targets": [
    {
      "target_name": "tfjs_onednn",
      "sources": ["src/addon.cc", "src/conv.cc", "src/pool.cc", "src/matmul.cc", "src/elementwise.cc", "src/batchnorm.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": ["-std=c++17", "-O3", "-fexceptions", "-frtti", "-fopenmp", "-ffp-contract=off"],
      "libraries": ["-ldnnl", "-fopenmp"]
    }
  ]
}
