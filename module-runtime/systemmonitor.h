// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace neurorack::runtime {

/// The board's vital signs for the system page, from /proc and /sys (Linux): CPU load
/// since the previous sample, the SoC temperature, the runtime's resident memory.
class SystemMonitor
{
public:
    /// Whole-board CPU use since the previous call, 0..100; NaN on the first call.
    double cpuPercent();
    /// The first thermal zone in °C, NaN when the board has none.
    static double temperatureC();
    /// This process's resident memory in MB (VmRSS), NaN when unknown.
    static double memoryMb();
    /// This process's peak resident memory in MB (VmHWM), NaN when unknown.
    static double peakMemoryMb();

private:
    std::uint64_t m_busy = 0;
    std::uint64_t m_total = 0;
};

} // namespace neurorack::runtime
