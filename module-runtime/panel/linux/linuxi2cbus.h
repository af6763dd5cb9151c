// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "i2cbus.h"
#include "io/result.h"

#include <memory>

namespace neurorack::runtime {

/// An I²C bus through i2c-dev (/dev/i2c-N): each transfer() is one ioctl(I2C_RDWR), so a
/// register pointer write and the read after it happen under one bus lock.
class LinuxI2cBus final : public I2cBus
{
public:
    /// Opens @p path and checks that the adapter can do combined transfers. Errors name the
    /// device ("/dev/i2c-1: cannot be opened: No such file or directory (is i2c-dev loaded?)").
    static Result<std::unique_ptr<LinuxI2cBus>> open(const QString &path);
    ~LinuxI2cBus() override;
    LinuxI2cBus(const LinuxI2cBus &) = delete;
    LinuxI2cBus &operator=(const LinuxI2cBus &) = delete;

    int transfer(std::span<I2cMessage> messages) noexcept override;
    QString name() const override { return m_path; }

private:
    LinuxI2cBus(int fd, const QString &path);
    int m_fd = -1;
    QString m_path;
};

} // namespace neurorack::runtime
