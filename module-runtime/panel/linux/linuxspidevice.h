// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spidevice.h"

#include <memory>

namespace neurorack::runtime {

/// An SPI device through spidev (/dev/spidevB.C): each write() is one SPI_IOC_MESSAGE(1).
class LinuxSpiDevice final : public SpiDevice
{
public:
    /// Opens @p path and sets SPI @p mode (0 … 3), 8-bit words and @p speedHz.
    static Result<std::unique_ptr<LinuxSpiDevice>> open(const QString &path, int mode, int speedHz);
    ~LinuxSpiDevice() override;
    LinuxSpiDevice(const LinuxSpiDevice &) = delete;
    LinuxSpiDevice &operator=(const LinuxSpiDevice &) = delete;

    Status write(std::span<const std::uint8_t> bytes) override;
    QString name() const override { return m_path; }

private:
    LinuxSpiDevice(int fd, const QString &path, int speedHz);
    int m_fd = -1;
    QString m_path;
    int m_speedHz = 0;
};

} // namespace neurorack::runtime
