// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <complex>
#include <memory>
#include <span>
#include <vector>

namespace neurorack {

/// A periodic Hann window of @p size points (0.5 − 0.5 cos(2π(i + ½)/size)), as every
/// STFT of the project uses.
std::vector<float> hannWindow(int size);

/// A real-input FFT of one size (FFTW, single precision), with its own aligned buffers.
/// Fill input(), call forward(), read spectrum() (size/2 + 1 bins); or fill spectrum(),
/// call inverse(), read input() (unnormalised: divide by size()). Plans are made once
/// per object; an object is used by one thread at a time, different objects in parallel.
class RealFft
{
public:
    explicit RealFft(int size);
    ~RealFft();
    RealFft(const RealFft &) = delete;
    RealFft &operator=(const RealFft &) = delete;

    int size() const { return m_size; }
    std::span<float> input();
    std::span<std::complex<float>> spectrum();
    void forward();
    void inverse();

private:
    struct Plans;
    int m_size;
    float *m_time = nullptr;
    std::complex<float> *m_freq = nullptr;
    std::unique_ptr<Plans> m_plans;
};

} // namespace neurorack
