// SPDX-License-Identifier: GPL-3.0-or-later
#include "rgbencoder.h"

#include "i2cbus.h"

namespace neurorack::runtime {

namespace {

const QString kDeviceName = QStringLiteral("encoder");

constexpr std::uint8_t bit(int n)
{
    return std::uint8_t(1u << n);
}

/// A pin of the MS51 as the firmware numbers its ports.
struct Pin {
    std::uint8_t port; ///< 0 or 1
    int bit;
};

// Encoder pins (examples/rotary.py: POT_ENC_A = 12, POT_ENC_B = 3, POT_ENC_C = 11).
constexpr Pin kEncA{0, 5};
constexpr Pin kEncB{1, 2};
constexpr Pin kEncC{0, 6};
// The firmware's encoder channel numbers of pins 12 and 3, for ENC_1_CFG.
constexpr std::uint8_t kEncAChannel = 12;
constexpr std::uint8_t kEncBChannel = 3;
constexpr int kEnc1EnableBit = 0;
constexpr int kEnc1MicrostepBit = 1;
constexpr int kPwmRunBit = 7;
constexpr int kPwmLoadBit = 6;
constexpr std::uint8_t kPwmDivider2 = 0b001; // PWMCON1: 24 MHz / 2 / 256 ≈ 47 kHz, no visible flicker

/// One LED colour: its pin, the PIOCON register and bit that route PWM to it, and the
/// duty registers of its PWM channel.
struct LedPin {
    Pin pin;
    std::uint8_t piocon;
    int pioconBit;
    std::uint8_t dutyL;
    std::uint8_t dutyH;
};
constexpr std::array<LedPin, 3> kLeds{{
    {{1, 5}, RgbEncoder::kRegPioCon1, 5, 0xCB, 0xC7}, // red: pin 1, PWM ch 5
    {{1, 1}, RgbEncoder::kRegPioCon0, 1, 0x9B, 0x93}, // green: pin 7, PWM ch 1
    {{1, 0}, RgbEncoder::kRegPioCon0, 2, 0x9C, 0x94}, // blue: pin 2, PWM ch 2
}};

std::uint8_t m1Of(const Pin &p) { return p.port == 0 ? RgbEncoder::kRegP0M1 : RgbEncoder::kRegP1M1; }
std::uint8_t m2Of(const Pin &p) { return p.port == 0 ? RgbEncoder::kRegP0M2 : RgbEncoder::kRegP1M2; }
std::uint8_t schmittOf(const Pin &p) { return p.port == 0 ? RgbEncoder::kRegP0S : RgbEncoder::kRegP1S; }
std::uint8_t portOf(const Pin &p) { return p.port == 0 ? RgbEncoder::kRegP0 : RgbEncoder::kRegP1; }
/// The port registers are bit-addressed so that a write cannot disturb the I²C pins.
std::uint8_t portWrite(const Pin &p, bool high) { return std::uint8_t((high ? 0b1000 : 0) | p.bit); }

} // namespace

RgbEncoder::RgbEncoder(I2cBus &bus, std::uint16_t address, int countsPerDetent, bool reverse)
    : m_bus(bus)
    , m_address(address)
    , m_countsPerDetent(countsPerDetent > 0 ? countsPerDetent : 1)
    , m_reverse(reverse)
{
}

int RgbEncoder::readRegister(std::uint8_t reg, std::uint8_t &value) noexcept
{
    const std::array<std::uint8_t, 1> tx{reg};
    std::array<std::uint8_t, 1> rx{};
    const int err = m_bus.writeRead(m_address, tx, rx);
    value = rx[0];
    return err;
}

int RgbEncoder::writeRegister(std::uint8_t reg, std::uint8_t value) noexcept
{
    const std::array<std::uint8_t, 2> tx{reg, value};
    return m_bus.write(m_address, tx);
}

int RgbEncoder::changeBits(std::uint8_t reg, std::uint8_t set, std::uint8_t clear) noexcept
{
    std::uint8_t value = 0;
    if (const int err = readRegister(reg, value))
        return err;
    return writeRegister(reg, std::uint8_t((value & ~clear) | set));
}

Status RgbEncoder::error(int err) const
{
    return Status::failure(QString(), i2cErrorMessage(m_bus.name(), kDeviceName, m_address, err));
}

Status RgbEncoder::start()
{
    const std::array<std::uint8_t, 1> tx{kRegChipIdL};
    std::array<std::uint8_t, 2> id{};
    if (const int err = m_bus.writeRead(m_address, tx, id))
        return error(err);
    const std::uint16_t chipId = std::uint16_t(id[0] | (id[1] << 8));
    if (chipId != kChipId)
        return Status::failure(QString(), QStringLiteral("%1: the device at %2 is not a Pimoroni encoder breakout (chip id 0x%3, expected 0x%4)")
                                              .arg(m_bus.name(), i2cAddressString(m_address))
                                              .arg(chipId, 4, 16, QLatin1Char('0'))
                                              .arg(kChipId, 4, 16, QLatin1Char('0')));

    // The chip answered its id, so a later failure is rare: the steps run on and the first
    // error is the one reported.
    int err = 0;
    const auto step = [&err](int e) {
        if (!err)
            err = e;
    };
    // A and B: inputs with pull-up (quasi-bidirectional, driven high) and Schmitt triggers,
    // their PWM outputs disconnected.
    const auto inputWithPullUp = [&](const Pin &p) {
        step(changeBits(m1Of(p), 0, bit(p.bit)));
        step(changeBits(m2Of(p), 0, bit(p.bit)));
        step(changeBits(schmittOf(p), bit(p.bit), 0));
        step(writeRegister(portOf(p), portWrite(p, true)));
    };
    step(changeBits(kRegPioCon1, 0, bit(2))); // pin 12 (A) is PWM-capable: PIOCON1 bit 2
    inputWithPullUp(kEncA);
    step(changeBits(kRegPioCon0, 0, bit(0))); // pin 3 (B): PIOCON0 bit 0
    inputWithPullUp(kEncB);
    // C: open-drain output, low (the encoder's common).
    step(changeBits(m1Of(kEncC), bit(kEncC.bit), 0));
    step(changeBits(m2Of(kEncC), bit(kEncC.bit), 0));
    step(writeRegister(portOf(kEncC), portWrite(kEncC, false)));
    // Encoder channel 1 on A and B, full steps, counter cleared.
    step(writeRegister(kRegEnc1Cfg, std::uint8_t(kEncAChannel | (kEncBChannel << 4))));
    step(changeBits(kRegEncEn, bit(kEnc1EnableBit), bit(kEnc1MicrostepBit)));
    step(writeRegister(kRegEnc1Count, 0));
    // LED: one PWM period for the three channels, each pin push-pull on its PWM output,
    // inverted (the LED is common-anode).
    step(writeRegister(kRegPwmCon1, kPwmDivider2));
    step(writeRegister(kRegPwmPL, std::uint8_t(kLedPeriod & 0xff)));
    step(writeRegister(kRegPwmPH, std::uint8_t(kLedPeriod >> 8)));
    for (const LedPin &led : kLeds) {
        step(changeBits(led.piocon, bit(led.pioconBit), 0));
        step(changeBits(kRegPnp, bit(led.pioconBit), 0));
        step(changeBits(kRegPwmCon0, bit(kPwmRunBit), 0));
        step(changeBits(m1Of(led.pin), 0, bit(led.pin.bit)));
        step(changeBits(m2Of(led.pin), bit(led.pin.bit), 0));
        step(writeRegister(portOf(led.pin), portWrite(led.pin, false)));
    }
    if (err)
        return error(err);
    m_lastCount = 0;
    m_remainder = 0;
    return done();
}

Status RgbEncoder::setLed(std::uint8_t red, std::uint8_t green, std::uint8_t blue)
{
    const std::array<std::uint8_t, 3> duty{red, green, blue};
    for (std::size_t i = 0; i < kLeds.size(); ++i) {
        if (const int err = writeRegister(kLeds[i].dutyL, duty[i]))
            return error(err);
        if (const int err = writeRegister(kLeds[i].dutyH, 0))
            return error(err);
    }
    // LOAD copies the new duty cycles into the PWM at the end of the period; the firmware
    // clears the bit itself, there is no need to wait for it.
    if (const int err = changeBits(kRegPwmCon0, bit(kPwmLoadBit), 0))
        return error(err);
    return done();
}

int RgbEncoder::countDelta(std::uint8_t previous, std::uint8_t current)
{
    // Modulo-256 difference read as signed: 250 → 3 is +9, 3 → 250 is −9.
    return std::int8_t(std::uint8_t(current - previous));
}

int RgbEncoder::decode(std::uint8_t count)
{
    m_remainder += countDelta(m_lastCount, count) * (m_reverse ? -1 : 1);
    m_lastCount = count;
    const int steps = m_remainder / m_countsPerDetent; // truncates toward zero: the remainder keeps its sign
    m_remainder -= steps * m_countsPerDetent;
    return steps;
}

Result<int> RgbEncoder::readSteps()
{
    std::uint8_t count = 0;
    if (const int err = readRegister(kRegEnc1Count, count))
        return Result<int>::failure(QString(), i2cErrorMessage(m_bus.name(), kDeviceName, m_address, err));
    return decode(count);
}

} // namespace neurorack::runtime
