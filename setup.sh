#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Neurorack set-up: installs the Debian 12 packages the project needs (only the
# missing ones), configures and builds, then either starts Neurorack Studio or
# runs the whole test suite.
#
#   ./setup.sh run      set up, build, start Neurorack Studio
#   ./setup.sh test     set up, build, run every test with ctest
#   ./setup.sh build    set up and build only
#   ./setup.sh fuzz [SECONDS]  fuzz the USB protocol (tests/fuzz, clang + libFuzzer) for SECONDS (300)
#
# Idempotent: a second run installs nothing and rebuilds only what changed.
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo),
# NEURORACK_SKIP_APT=1 to skip the package step (for machines set up by hand).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${BUILD_DIR:-$here/build}
build_type=${BUILD_TYPE:-RelWithDebInfo}
action=${1:-build}
shift || true

case "$action" in
  run|test|build|fuzz) ;;
  -h|--help|help)
    sed -n '4,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0 ;;
  *) echo "setup.sh: unknown action '$action' (expected run, test, build or fuzz)" >&2; exit 2 ;;
esac

# Everything the project needs from Debian 12, one package a line.
packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # CRC-32 of the USB link's frames
  zlib1g-dev
  # Qt 6 (Charts needs the OpenGL and xkbcommon development files too)
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-serialport-dev
  qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev libxkbcommon-dev libgl-dev libvulkan-dev
  # coroutines over Qt
  qcoro-qt6-dev
  # audio: files, resampling, BS.1770 loudness, FFT
  libsndfile1-dev libsamplerate0-dev libebur128-dev libfftw3-dev
  # the module's DAC through ALSA (the runtime's `alsa:` audio output)
  libasound2-dev
  # inference and training (CPU builds; the trainer runs under /usr/bin/python3)
  libtorch-dev python3-torch
  # an optimised BLAS for LibTorch and python3-torch (the reference BLAS is 10× slower)
  libopenblas0-openmp
  # tests: a display server for widget tests, sox for real audio fixtures, fonts for screenshots
  xvfb xauth sox fonts-dejavu-core
  # the JSON Schema check of the shipped documents
  python3-jsonschema
)

install_packages() {
  if [[ "${NEURORACK_SKIP_APT:-0}" == 1 ]]; then return; fi
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    echo "setup: all ${#packages[@]} packages already installed"
    return
  fi
  echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: not root and no sudo: install these by hand: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() {
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  if [[ ! -f "$build_dir/build.ninja" ]]; then
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "${launcher[@]}"
  fi
  # 2-core machines: LibTorch translation units take several GiB each, so keep jobs at the core count.
  cmake --build "$build_dir" --parallel "$(nproc)"
}

# The fuzz action: tests/fuzz is a project of its own (the protocol sources, Qt Core, zlib;
# no LibTorch) built with clang into $build_dir-fuzz; only it needs these packages.
fuzz_packages=(
  clang libclang-rt-14-dev
  cmake ninja-build pkg-config zlib1g-dev qt6-base-dev
)

fuzz() {
  local seconds=${1:-300}
  [[ "$seconds" =~ ^[0-9]+$ ]] || { echo "setup.sh: fuzz takes a number of seconds, not '$seconds'" >&2; exit 2; }
  packages=("${fuzz_packages[@]}") # what install_packages installs
  install_packages
  local fuzz_dir="$build_dir-fuzz"
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  if [[ ! -f "$fuzz_dir/build.ninja" ]]; then
    cmake -S "$here/tests/fuzz" -B "$fuzz_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}"
  fi
  cmake --build "$fuzz_dir" --parallel "$(nproc)"
  # libFuzzer writes what it finds into its first corpus folder: fuzz a copy, so that the
  # checked-in seeds change only by hand. Crashes go to $fuzz_dir/artifacts.
  mkdir -p "$fuzz_dir/corpus" "$fuzz_dir/artifacts"
  cp "$here"/tests/fuzz/corpus/* "$fuzz_dir/corpus/"
  "$fuzz_dir/fuzz_protocol" -max_len=70000 -timeout=10 -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$fuzz_dir/artifacts/" "$fuzz_dir/corpus"
}

if [[ "$action" == fuzz ]]; then
  fuzz "$@"
  exit 0
fi

install_packages
configure_and_build

case "$action" in
  build) ;;
  run)
    studio="$build_dir/app/neurorack-studio"
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
      echo "setup: no display found (DISPLAY unset): starting Neurorack Studio under Xvfb" >&2
      exec xvfb-run -a -s "-screen 0 1600x1000x24" "$studio" "$@"
    fi
    exec "$studio" "$@" ;;
  test)
    cd "$build_dir"
    # Widget tests need a display: use Xvfb unless one is already there.
    if [[ -z "${DISPLAY:-}" ]]; then
      exec xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure --timeout 600 "$@"
    fi
    exec ctest --output-on-failure --timeout 600 "$@" ;;
esac
