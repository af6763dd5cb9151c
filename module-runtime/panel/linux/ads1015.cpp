// SPDX-License-Identifier: GPL-3.0-or-later
#include "ads1015.h"

#include "i2cbus.h"

#include <array>
#include <cmath>

namespace neurorack::runtime {

namespace {

const QString kDeviceName = QStringLiteral("ADC");

constexpr std::uint16_t kOsStart = 1u << 15;
constexpr std::uint16_t kMuxSingleEnded = 0b100; // MUX 1xx: AIN(xx) against GND
constexpr int kMuxShift = 12;
constexpr int kPgaShift = 9;
constexpr std::uint16_t kModeSingleShot = 1u << 8;
constexpr int kDataRateShift = 5;
constexpr std::uint16_t kComparatorOff = 0b11; // COMP_QUE: disable the comparator, ALERT/RDY high-Z
/// Wake-up from power-down before a single-shot conversion (datasheet: about 25 µs).
constexpr std::chrono::microseconds kWakeUp{25};
/// The internal oscillator is accurate to ±10 %: wait for the slowest part.
constexpr double kClockTolerance = 1.1;

constexpr std::array kRanges{6.144, 4.096, 2.048, 1.024, 0.512, 0.256};
constexpr std::array kRates{128, 250, 490, 920, 1600, 2400, 3300};

} // namespace

Ads1015::Ads1015(I2cBus &bus, std::uint16_t address, double fullScaleVolts, int samplesPerSecond)
    : m_bus(bus)
    , m_address(address)
    , m_fullScaleVolts(fullScaleVolts)
    , m_samplesPerSecond(samplesPerSecond)
{
    Q_ASSERT(pgaBits(fullScaleVolts) && dataRateBits(samplesPerSecond));
}

std::optional<std::uint16_t> Ads1015::pgaBits(double fullScaleVolts)
{
    for (std::size_t i = 0; i < kRanges.size(); ++i)
        if (kRanges[i] == fullScaleVolts)
            return std::uint16_t(i);
    return std::nullopt;
}

std::optional<std::uint16_t> Ads1015::dataRateBits(int samplesPerSecond)
{
    for (std::size_t i = 0; i < kRates.size(); ++i)
        if (kRates[i] == samplesPerSecond)
            return std::uint16_t(i);
    return std::nullopt;
}

std::uint16_t Ads1015::configWord(int channel, double fullScaleVolts, int samplesPerSecond)
{
    Q_ASSERT(channel >= 0 && channel < kChannels);
    return std::uint16_t(kOsStart | ((kMuxSingleEnded | std::uint16_t(channel)) << kMuxShift)
                         | (pgaBits(fullScaleVolts).value_or(2) << kPgaShift) | kModeSingleShot
                         | (dataRateBits(samplesPerSecond).value_or(4) << kDataRateShift) | kComparatorOff);
}

int Ads1015::decodeCode(std::uint8_t msb, std::uint8_t lsb)
{
    // The 12 bits sit in bits 15:4; an arithmetic shift of the signed 16-bit value keeps the sign.
    const auto raw = std::int16_t(std::uint16_t((msb << 8) | lsb));
    return raw >> 4;
}

double Ads1015::codeToVolts(int code, double fullScaleVolts)
{
    return code * fullScaleVolts / double(kMaxCode + 1);
}

std::chrono::microseconds Ads1015::conversionTime(int samplesPerSecond)
{
    const double us = 1e6 / samplesPerSecond * kClockTolerance;
    return std::chrono::microseconds(std::lround(std::ceil(us))) + kWakeUp;
}

Status Ads1015::probe()
{
    const std::array<std::uint8_t, 1> pointer{kConfigRegister};
    std::array<std::uint8_t, 2> value{};
    if (const int err = m_bus.writeRead(m_address, pointer, value))
        return Status::failure(QString(), i2cErrorMessage(m_bus.name(), kDeviceName, m_address, err));
    return done();
}

Status Ads1015::startConversion(int channel)
{
    const std::uint16_t word = configWord(channel, m_fullScaleVolts, m_samplesPerSecond);
    const std::array<std::uint8_t, 3> bytes{kConfigRegister, std::uint8_t(word >> 8), std::uint8_t(word & 0xff)};
    if (const int err = m_bus.write(m_address, bytes))
        return Status::failure(QString(), i2cErrorMessage(m_bus.name(), kDeviceName, m_address, err));
    return done();
}

Result<double> Ads1015::readVolts()
{
    const std::array<std::uint8_t, 1> pointer{kConversionRegister};
    std::array<std::uint8_t, 2> value{};
    if (const int err = m_bus.writeRead(m_address, pointer, value))
        return Result<double>::failure(QString(), i2cErrorMessage(m_bus.name(), kDeviceName, m_address, err));
    return codeToVolts(decodeCode(value[0], value[1]), m_fullScaleVolts);
}

} // namespace neurorack::runtime
