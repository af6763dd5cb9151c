// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <array>
#include <cstdint>

namespace neurorack::runtime {

class I2cBus;

/// The Pimoroni RGB Encoder Breakout (default address 0x0F): a Nuvoton MS51 running
/// Pimoroni's "IO Expander" firmware, which decodes the quadrature encoder in hardware
/// into an 8-bit counter and drives the encoder's RGB LED with PWM.
///
/// Register map and pin assignment from Pimoroni's ioe-python library (ioe_regs.py,
/// __init__.py and examples/rotary.py): encoder A on pin 12 (P0.5), B on pin 3 (P1.2),
/// common C on pin 11 (P0.6, driven low); LED red on pin 1 (P1.5, PWM ch 5), green on
/// pin 7 (P1.1, PWM ch 1), blue on pin 2 (P1.0, PWM ch 2), all active low.
///
/// Not thread-safe; the bus is borrowed and must outlive it.
class RgbEncoder
{
public:
    static constexpr std::uint16_t kDefaultAddress = 0x0F;
    static constexpr std::uint16_t kChipId = 0xE26A;

    // Firmware registers (ioe_regs.py).
    static constexpr std::uint8_t kRegEncEn = 0x04;
    static constexpr std::uint8_t kRegEnc1Cfg = 0x05;
    static constexpr std::uint8_t kRegEnc1Count = 0x06;
    static constexpr std::uint8_t kRegChipIdL = 0xFA;
    // MS51 special function registers as the firmware exposes them.
    static constexpr std::uint8_t kRegP0 = 0x40; ///< bit-addressed: write 0b1000 | bit to set, bit to clear
    static constexpr std::uint8_t kRegP1 = 0x50; ///< bit-addressed
    static constexpr std::uint8_t kRegP0M1 = 0x71;
    static constexpr std::uint8_t kRegP0M2 = 0x72;
    static constexpr std::uint8_t kRegP1M1 = 0x73;
    static constexpr std::uint8_t kRegP1M2 = 0x74;
    static constexpr std::uint8_t kRegP0S = 0xC2;
    static constexpr std::uint8_t kRegP1S = 0xC4;
    static constexpr std::uint8_t kRegPioCon0 = 0x9E;
    static constexpr std::uint8_t kRegPioCon1 = 0xC9;
    static constexpr std::uint8_t kRegPnp = 0x96;
    static constexpr std::uint8_t kRegPwmCon0 = 0x98;
    static constexpr std::uint8_t kRegPwmCon1 = 0x9F;
    static constexpr std::uint8_t kRegPwmPL = 0x99;
    static constexpr std::uint8_t kRegPwmPH = 0x91;

    /// PWM period of the LED: 256 steps, so a colour byte is a duty cycle.
    static constexpr std::uint16_t kLedPeriod = 255;

    /// @p countsPerDetent counter steps make one reported step; @p reverse swaps directions.
    RgbEncoder(I2cBus &bus, std::uint16_t address = kDefaultAddress, int countsPerDetent = 1, bool reverse = false);

    /// Checks the chip id, configures the encoder pins and channel 1, clears the counter
    /// and sets up the LED's PWM. Errors name the bus and the address.
    Status start();
    /// Sets the LED colour (0 … 255 per channel).
    Status setLed(std::uint8_t red, std::uint8_t green, std::uint8_t blue);
    /// Reads the counter and returns the detent steps since the last call (positive:
    /// clockwise). Call it often enough that the counter moves less than ±127 between
    /// calls (at 100 Hz: 12 700 counts/s).
    Result<int> readSteps();

    /// Counter steps between two readings of the 8-bit counter, across its wrap-around.
    static int countDelta(std::uint8_t previous, std::uint8_t current);
    /// Feeds a counter reading; returns whole detent steps and keeps the remainder.
    int decode(std::uint8_t count);

private:
    int readRegister(std::uint8_t reg, std::uint8_t &value) noexcept;
    int writeRegister(std::uint8_t reg, std::uint8_t value) noexcept;
    int changeBits(std::uint8_t reg, std::uint8_t set, std::uint8_t clear) noexcept;
    Status error(int err) const;

    I2cBus &m_bus;
    std::uint16_t m_address;
    int m_countsPerDetent;
    bool m_reverse;
    std::uint8_t m_lastCount = 0;
    int m_remainder = 0;
};

} // namespace neurorack::runtime
