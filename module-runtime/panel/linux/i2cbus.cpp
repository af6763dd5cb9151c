// SPDX-License-Identifier: GPL-3.0-or-later
#include "i2cbus.h"

#include <array>
#include <cerrno>
#include <system_error>

namespace neurorack::runtime {

int I2cBus::write(std::uint16_t address, std::span<const std::uint8_t> bytes) noexcept
{
    // The kernel's i2c_msg has a non-const buffer, but a write only reads it.
    std::array<I2cMessage, 1> messages{{{address, false, const_cast<std::uint8_t *>(bytes.data()), std::uint16_t(bytes.size())}}};
    return transfer(messages);
}

int I2cBus::writeRead(std::uint16_t address, std::span<const std::uint8_t> tx, std::span<std::uint8_t> rx) noexcept
{
    std::array<I2cMessage, 2> messages{{{address, false, const_cast<std::uint8_t *>(tx.data()), std::uint16_t(tx.size())},
                                        {address, true, rx.data(), std::uint16_t(rx.size())}}};
    return transfer(messages);
}

QString systemErrorString(int errnum)
{
    // std::generic_category() is thread-safe, unlike strerror().
    return QString::fromLocal8Bit(std::generic_category().message(errnum));
}

QString i2cAddressString(std::uint16_t address)
{
    return QStringLiteral("0x%1").arg(address, 2, 16, QLatin1Char('0'));
}

QString i2cErrorMessage(const QString &bus, const QString &device, std::uint16_t address, int errnum)
{
    if (errnum == ENXIO || errnum == EREMOTEIO)
        return QStringLiteral("%1: %2 at %3 does not answer: %4").arg(bus, device, i2cAddressString(address), systemErrorString(errnum));
    return QStringLiteral("%1: %2 at %3: %4").arg(bus, device, i2cAddressString(address), systemErrorString(errnum));
}

} // namespace neurorack::runtime
