// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>

namespace neurorack::runtime {

class SpiDevice;
class GpioOutput;

/// A Sitronix ST7789 240×240 TFT on SPI, 16-bit colour (RGB565, big-endian). Commands go
/// with the DC line low, their parameters and pixels with DC high. Not thread-safe; the
/// SPI device and lines are borrowed and must outlive it.
class St7789
{
public:
    static constexpr int kWidth = 240;
    static constexpr int kHeight = 240;
    static constexpr int kFrameBytes = kWidth * kHeight * 2;
    /// The largest SPI transfer of pixel data (spidev's default buffer).
    static constexpr int kMaxChunkBytes = 4096;

    // Commands (ST7789VW datasheet, section 9).
    static constexpr std::uint8_t kSwReset = 0x01;
    static constexpr std::uint8_t kSlpOut = 0x11;
    static constexpr std::uint8_t kNorOn = 0x13;
    static constexpr std::uint8_t kInvOn = 0x21;
    static constexpr std::uint8_t kDispOn = 0x29;
    static constexpr std::uint8_t kCaSet = 0x2A;
    static constexpr std::uint8_t kRaSet = 0x2B;
    static constexpr std::uint8_t kRamWr = 0x2C;
    static constexpr std::uint8_t kMadCtl = 0x36;
    static constexpr std::uint8_t kColMod = 0x3A;
    static constexpr std::uint8_t kColMod16Bit = 0x55; ///< 65K colours, 16 bits per pixel

    // Delays the datasheet asks for.
    static constexpr std::chrono::milliseconds kResetPulse{10};
    static constexpr std::chrono::milliseconds kAfterReset{120}; ///< after a hardware or software reset
    static constexpr std::chrono::milliseconds kAfterSleepOut{120};
    static constexpr std::chrono::milliseconds kAfterCommand{10};

    struct Options {
        int rotation = 0; ///< 0, 90, 180 or 270 degrees
        int xOffset = 0;  ///< where the panel's first column sits in the controller's RAM
        int yOffset = 0;
    };
    /// Waits; tests pass one that records the delay instead.
    using Sleep = std::function<void(std::chrono::microseconds)>;

    /// @p reset and @p backlight may be null (not wired).
    St7789(SpiDevice &spi, GpioOutput &dc, GpioOutput *reset, GpioOutput *backlight, Options options, Sleep sleep = {});

    /// Resets the controller (the reset line if wired, then SWRESET) and runs the init
    /// sequence: SLPOUT, COLMOD 16-bit, MADCTL, INVON, CASET/RASET, NORON, DISPON; then
    /// turns the backlight on. Takes about 400 ms.
    Status init();
    /// Writes a full frame of kFrameBytes big-endian RGB565 bytes: CASET, RASET, RAMWR,
    /// then the pixels in chunks of at most kMaxChunkBytes.
    Status writeFrame(std::span<const std::uint8_t> rgb565);
    Status setBacklight(bool on);

    /// The MADCTL byte for a rotation (row/column exchange and mirroring, RGB order).
    static std::uint8_t madctlFor(int rotation);

private:
    Status command(std::uint8_t cmd, std::span<const std::uint8_t> parameters = {});
    Status data(std::span<const std::uint8_t> bytes);
    Status setWindow();

    SpiDevice &m_spi;
    GpioOutput &m_dc;
    GpioOutput *m_reset;
    GpioOutput *m_backlight;
    Options m_options;
    Sleep m_sleep;
};

} // namespace neurorack::runtime
