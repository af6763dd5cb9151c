// SPDX-License-Identifier: GPL-3.0-or-later
#include "linuxspidevice.h"

#include "i2cbus.h" // systemErrorString

#include <linux/spi/spidev.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace neurorack::runtime {

namespace {
constexpr std::uint8_t kBitsPerWord = 8;
}

Result<std::unique_ptr<LinuxSpiDevice>> LinuxSpiDevice::open(const QString &path, int mode, int speedHz)
{
    using R = Result<std::unique_ptr<LinuxSpiDevice>>;
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        QString hint;
        if (err == ENOENT)
            hint = QStringLiteral(" (is SPI enabled? jetson-io on a Jetson, dtparam=spi=on on a Raspberry Pi)");
        else if (err == EACCES)
            hint = QStringLiteral(" (is the user in the spi group? see hardware/99-neurorack-module.rules)");
        return R::failure(QString(), QStringLiteral("%1: cannot be opened: %2%3").arg(path, systemErrorString(err), hint));
    }
    const auto fail = [&](const char *what) {
        const int err = errno;
        ::close(fd);
        return R::failure(QString(), QStringLiteral("%1: cannot set the %2: %3").arg(path, QLatin1String(what), systemErrorString(err)));
    };
    const std::uint8_t spiMode = std::uint8_t(mode & 3);
    if (::ioctl(fd, SPI_IOC_WR_MODE, &spiMode) < 0)
        return fail("SPI mode");
    const std::uint8_t bits = kBitsPerWord;
    if (::ioctl(fd, SPI_IOC_WR_BITS_PER_WORD, &bits) < 0)
        return fail("word size");
    const std::uint32_t speed = std::uint32_t(speedHz);
    if (::ioctl(fd, SPI_IOC_WR_MAX_SPEED_HZ, &speed) < 0)
        return fail("clock speed");
    return std::unique_ptr<LinuxSpiDevice>(new LinuxSpiDevice(fd, path, speedHz));
}

LinuxSpiDevice::LinuxSpiDevice(int fd, const QString &path, int speedHz)
    : m_fd(fd)
    , m_path(path)
    , m_speedHz(speedHz)
{
}

LinuxSpiDevice::~LinuxSpiDevice()
{
    ::close(m_fd);
}

Status LinuxSpiDevice::write(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() > std::size_t(kMaxTransferBytes))
        return Status::failure(QString(), QStringLiteral("%1: %2 bytes in one transfer, more than %3").arg(m_path).arg(bytes.size()).arg(kMaxTransferBytes));
    spi_ioc_transfer transfer{};
    transfer.tx_buf = reinterpret_cast<std::uintptr_t>(bytes.data());
    transfer.len = std::uint32_t(bytes.size());
    transfer.speed_hz = std::uint32_t(m_speedHz);
    transfer.bits_per_word = kBitsPerWord;
    if (::ioctl(m_fd, SPI_IOC_MESSAGE(1), &transfer) < 0)
        return Status::failure(QString(), QStringLiteral("%1: write failed: %2").arg(m_path, systemErrorString(errno)));
    return done();
}

} // namespace neurorack::runtime
