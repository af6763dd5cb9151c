// SPDX-License-Identifier: GPL-3.0-or-later
#include "st7789.h"

#include "gpioline.h"
#include "spidevice.h"

#include <algorithm>
#include <array>
#include <thread>

namespace neurorack::runtime {

namespace {
constexpr std::uint8_t kMadctlMY = 0x80; // mirror rows
constexpr std::uint8_t kMadctlMX = 0x40; // mirror columns
constexpr std::uint8_t kMadctlMV = 0x20; // exchange rows and columns
} // namespace

St7789::St7789(SpiDevice &spi, GpioOutput &dc, GpioOutput *reset, GpioOutput *backlight, Options options, Sleep sleep)
    : m_spi(spi)
    , m_dc(dc)
    , m_reset(reset)
    , m_backlight(backlight)
    , m_options(options)
    , m_sleep(sleep ? std::move(sleep) : Sleep([](std::chrono::microseconds d) { std::this_thread::sleep_for(d); }))
{
}

std::uint8_t St7789::madctlFor(int rotation)
{
    switch (rotation) {
    case 90:
        return kMadctlMX | kMadctlMV;
    case 180:
        return kMadctlMX | kMadctlMY;
    case 270:
        return kMadctlMY | kMadctlMV;
    default:
        return 0;
    }
}

Status St7789::command(std::uint8_t cmd, std::span<const std::uint8_t> parameters)
{
    if (auto s = m_dc.set(false); !s)
        return s;
    const std::array<std::uint8_t, 1> bytes{cmd};
    if (auto s = m_spi.write(bytes); !s)
        return s;
    return parameters.empty() ? done() : data(parameters);
}

Status St7789::data(std::span<const std::uint8_t> bytes)
{
    if (auto s = m_dc.set(true); !s)
        return s;
    while (!bytes.empty()) {
        const std::size_t n = std::min(bytes.size(), std::size_t(kMaxChunkBytes));
        if (auto s = m_spi.write(bytes.first(n)); !s)
            return s;
        bytes = bytes.subspan(n);
    }
    return done();
}

Status St7789::setWindow()
{
    const int x0 = m_options.xOffset, x1 = m_options.xOffset + kWidth - 1;
    const int y0 = m_options.yOffset, y1 = m_options.yOffset + kHeight - 1;
    const std::array<std::uint8_t, 4> columns{std::uint8_t(x0 >> 8), std::uint8_t(x0 & 0xff), std::uint8_t(x1 >> 8), std::uint8_t(x1 & 0xff)};
    const std::array<std::uint8_t, 4> rows{std::uint8_t(y0 >> 8), std::uint8_t(y0 & 0xff), std::uint8_t(y1 >> 8), std::uint8_t(y1 & 0xff)};
    if (auto s = command(kCaSet, columns); !s)
        return s;
    return command(kRaSet, rows);
}

Status St7789::init()
{
    if (m_reset) {
        for (const bool level : {true, false, true}) {
            if (auto s = m_reset->set(level); !s)
                return s;
            m_sleep(level ? kAfterReset : kResetPulse);
        }
    }
    const std::array<std::uint8_t, 1> colmod{kColMod16Bit};
    const std::array<std::uint8_t, 1> madctl{madctlFor(m_options.rotation)};
    struct Step {
        std::uint8_t cmd;
        std::span<const std::uint8_t> parameters;
        std::chrono::milliseconds delay;
    };
    const std::array<Step, 6> steps{{
        {kSwReset, {}, kAfterReset},
        {kSlpOut, {}, kAfterSleepOut},
        {kColMod, colmod, kAfterCommand},
        {kMadCtl, madctl, std::chrono::milliseconds(0)},
        {kInvOn, {}, kAfterCommand}, // IPS panels show true colours inverted
        {kNorOn, {}, kAfterCommand},
    }};
    for (const Step &step : steps) {
        if (auto s = command(step.cmd, step.parameters); !s)
            return s;
        if (step.delay.count() > 0)
            m_sleep(step.delay);
    }
    if (auto s = setWindow(); !s)
        return s;
    if (auto s = command(kDispOn); !s)
        return s;
    m_sleep(kAfterCommand);
    return setBacklight(true);
}

Status St7789::writeFrame(std::span<const std::uint8_t> rgb565)
{
    Q_ASSERT(rgb565.size() == std::size_t(kFrameBytes));
    if (auto s = setWindow(); !s)
        return s;
    if (auto s = command(kRamWr); !s)
        return s;
    return data(rgb565);
}

Status St7789::setBacklight(bool on)
{
    return m_backlight ? m_backlight->set(on) : done();
}

} // namespace neurorack::runtime
