# Emscripten 3.1.6 (Debian) specifics; see docs/toolchain.md.

# nlohmann/json is not in the Emscripten sysroot and -I/usr/include drags in glibc headers:
# give em++ a folder that holds nothing but nlohmann/.
set(HOOKSMITH_NLOHMANN_DIR /usr/include/nlohmann CACHE PATH "Folder holding nlohmann/json.hpp")
set(_json_root ${CMAKE_BINARY_DIR}/third_party_include)
file(MAKE_DIRECTORY ${_json_root})
if(NOT EXISTS ${_json_root}/nlohmann)
  file(CREATE_LINK ${HOOKSMITH_NLOHMANN_DIR} ${_json_root}/nlohmann SYMBOLIC)
endif()
add_library(hooksmith_json INTERFACE)
target_include_directories(hooksmith_json SYSTEM INTERFACE ${_json_root})

# Native Wasm exceptions: cheap, and supported by Node 20 and current Chromium. Must be given
# at compile and at link time.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

# No RTTI: nothing here needs typeid or dynamic_cast (exceptions keep the type info they need),
# and the mangled names of every shared_ptr control block and std::function were data:
# −5.6 KB raw, −1.3 KB gzipped. Embind then tells types apart by address, not by name, and the
# link must say -fno-rtti too: it picks Emscripten's libembind built the same way (with the RTTI
# one, every bound type is "unbound" at run time).
add_compile_options(-fno-rtti)
add_compile_definitions(EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0)
add_link_options(-fno-rtti)

# Debian's emscripten runs its JS optimizer with the machine's node, which does not search
# Debian's module folder (Cannot find module 'acorn'): every link gets NODE_PATH.
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)

execute_process(COMMAND ${CMAKE_CXX_COMPILER} --version OUTPUT_VARIABLE _em_version
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
string(REGEX REPLACE "\n.*" "" _em_version "${_em_version}")
message(STATUS "hooksmith: ${_em_version}")

# Size matters more than peak speed for a module a page downloads: the web flavour's core is
# compiled for size throughout. (Until session 9 the files every render runs through were -O2;
# with LTO that bought no measurable speed for 1.9 KB gzipped: docs/performance-history.md,
# "Session 9: …". The Node flavour is the fast one, below.)
set(HOOKSMITH_WASM_OPT "-Oz" CACHE STRING "Optimisation level of the Wasm build's web core")
set(CMAKE_CXX_FLAGS_RELEASE "${HOOKSMITH_WASM_OPT} -DNDEBUG")
# clang's driver turns an -Oz anywhere on the command line into -fno-inline-functions, which a
# later -O2 does not undo: the Node flavour's core, compiled "-Oz … -O2", adds this flag back
# (without it: 1.8x slower renders).
set(HOOKSMITH_WASM_UNDO_OZ -finline-functions)
# libc++ declares std::string's members `extern template`, so push_back/append run the copies in
# Emscripten's prebuilt libc++, which is compiled at -Oz and calls out again for size(),
# __is_long() … (~17 % of a render's profile at -O2). Instantiating them in our own objects lets
# them follow our optimisation level.
set(HOOKSMITH_WASM_OWN_STRINGS _LIBCPP_DISABLE_EXTERN_TEMPLATE)
# LTO: measured −11 KB gzipped and ~20 % faster renders (cross-file inlining and dead-code
# removal); the prebuilt LTO system libraries ship with Debian's emscripten.
option(HOOKSMITH_WASM_LTO "Link-time optimisation for the Wasm build" ON)
if(HOOKSMITH_WASM_LTO)
  add_compile_options(-flto)
  add_link_options(-flto)
endif()
# Two flavours, two trade-offs. A page downloads the web flavour: its core is the size-tuned
# `hooksmith` above. Node renders batches from a local file, where size hardly matters and speed
# does: its flavour links `hooksmith_speed`, a second build of the same sources at this level
# (~2x faster renders than the web flavour's core, for a .wasm ~110 KB bigger gzipped;
# docs/performance.md). Empty: the Node flavour links the size-tuned core too.
set(HOOKSMITH_WASM_NODE_OPT "-O2" CACHE STRING "Optimisation level of the Node flavour's core (empty: same as the web flavour)")
# Wasm features past the MVP for the Node flavour only (Node >= 18 has both; the page's web
# flavour stays MVP, its size untouched). -mbulk-memory: a memcpy/memset in our code becomes one
# memory.copy/memory.fill, where Emscripten's libc memcpy copies byte by byte whenever source and
# destination are not aligned alike (every append of a URL or body to a result buffer): -10 %
# instructions per batch render. -msimd128 -msse2: the SSE2 fast paths (webhook/encode.cpp) and
# wasm_simd128.h code (wasm/bindings.cpp) compile to Wasm SIMD; LLVM's own vectorisation of our
# loops alone made no measurable difference (docs/toolchain.md).
set(HOOKSMITH_WASM_NODE_FEATURES "-mbulk-memory;-msimd128;-msse2" CACHE STRING "Wasm feature flags of the Node flavour's core and link (;-separated)")
function(hooksmith_wasm_speed_core)
  if(HOOKSMITH_WASM_NODE_OPT)
    hooksmith_core(_speed)
    foreach(part crypto template webhook)
      target_compile_options(hooksmith_speed_${part} PRIVATE ${HOOKSMITH_WASM_NODE_OPT} ${HOOKSMITH_WASM_UNDO_OZ} ${HOOKSMITH_WASM_NODE_FEATURES})
      target_compile_definitions(hooksmith_speed_${part} PRIVATE ${HOOKSMITH_WASM_OWN_STRINGS})
    endforeach()
  endif()
endfunction()
# The page's first download: the web core without Linked Data and the date filters (HOOKSMITH_LITE:
# 16 KB gzipped less). A page loads the full web core too only when a config or template needs
# what the lite one leaves out (wasm/js/hooksmith.mjs, loadFullCore; docs/performance.md).
function(hooksmith_wasm_lite_core)
  hooksmith_core(_lite)
  foreach(part crypto template webhook)
    target_compile_definitions(hooksmith_lite_${part} PRIVATE HOOKSMITH_LITE=1)
  endforeach()
endfunction()
set(HOOKSMITH_WASM_EXTRA_LINK_FLAGS "" CACHE STRING "Extra em++ link flags, ;-separated (e.g. --profiling-funcs for bench/wasm_functions.py)")
