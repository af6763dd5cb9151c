// SPDX-License-Identifier: GPL-3.0-or-later
#include "realfft.h"

#include <fftw3.h>

#include <cmath>
#include <mutex>
#include <numbers>

namespace neurorack {

namespace {
// FFTW's planner is not thread-safe; execution of distinct plans is.
std::mutex g_plannerMutex;
} // namespace

std::vector<float> hannWindow(int size)
{
    std::vector<float> w(static_cast<std::size_t>(size));
    for (int i = 0; i < size; ++i)
        w[std::size_t(i)] = static_cast<float>(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * (i + 0.5) / size));
    return w;
}

struct RealFft::Plans {
    fftwf_plan forward = nullptr;
    fftwf_plan inverse = nullptr;
};

RealFft::RealFft(int size)
    : m_size(size)
    , m_plans(std::make_unique<Plans>())
{
    m_time = fftwf_alloc_real(static_cast<std::size_t>(size));
    m_freq = reinterpret_cast<std::complex<float> *>(fftwf_alloc_complex(static_cast<std::size_t>(size / 2 + 1)));
    const std::lock_guard lock(g_plannerMutex);
    // FFTW_ESTIMATE plans in microseconds and never touches the buffers; MEASURE would
    // gain a little speed for tens of milliseconds at every start.
    auto *freq = reinterpret_cast<fftwf_complex *>(m_freq);
    m_plans->forward = fftwf_plan_dft_r2c_1d(size, m_time, freq, FFTW_ESTIMATE);
    m_plans->inverse = fftwf_plan_dft_c2r_1d(size, freq, m_time, FFTW_ESTIMATE);
}

RealFft::~RealFft()
{
    {
        const std::lock_guard lock(g_plannerMutex);
        fftwf_destroy_plan(m_plans->forward);
        fftwf_destroy_plan(m_plans->inverse);
    }
    fftwf_free(m_time);
    fftwf_free(m_freq);
}

std::span<float> RealFft::input()
{
    return {m_time, static_cast<std::size_t>(m_size)};
}

std::span<std::complex<float>> RealFft::spectrum()
{
    return {m_freq, static_cast<std::size_t>(m_size / 2 + 1)};
}

void RealFft::forward()
{
    fftwf_execute(m_plans->forward);
}

void RealFft::inverse()
{
    fftwf_execute(m_plans->inverse); // c2r overwrites the spectrum, which callers refill anyway
}

} // namespace neurorack
