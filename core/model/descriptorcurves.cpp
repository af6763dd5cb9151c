// SPDX-License-Identifier: GPL-3.0-or-later
#include "descriptorcurves.h"

#include "framegrid.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace neurorack {

namespace {

// Position in the source grid of destination frame @p i, with frame centres aligned
// so that a stretch keeps the curve's shape rather than shifting it by half a frame.
double sourcePosition(int i, int from, int to)
{
    const double pos = (i + 0.5) * static_cast<double>(from) / to - 0.5;
    return std::clamp(pos, 0.0, static_cast<double>(from - 1));
}

// In double so that the ends come out exactly: lerp(a, b, 1) == b.
float lerp(float a, float b, double t)
{
    return static_cast<float>(double(a) + (double(b) - double(a)) * t);
}

float logLerp(float a, float b, double t)
{
    if (t <= 0.0)
        return a;
    if (t >= 1.0)
        return b;
    return static_cast<float>(std::exp(std::log(double(a)) + (std::log(double(b)) - std::log(double(a))) * t));
}

// The pitch of each frame, unvoiced frames holding the nearest voiced frame's pitch (the
// one before, else the one after); all unvoiced when no frame is voiced.
std::vector<float> heldPitch(std::span<const float> pitch)
{
    std::vector<float> held(pitch.begin(), pitch.end());
    float last = DescriptorCurves::kUnvoiced;
    for (float &v : held)
        v = std::isnan(v) ? last : (last = v);
    float next = DescriptorCurves::kUnvoiced;
    for (auto it = held.rbegin(); it != held.rend(); ++it)
        *it = std::isnan(*it) ? next : (next = *it);
    return held;
}

} // namespace

DescriptorCurves::DescriptorCurves(int frameCount)
    : m_frames(std::max(frameCount, 0))
    , m_data(static_cast<std::size_t>(m_frames) * kDescriptorCount)
{
    for (const auto id : kAllDescriptors) {
        const float fill = id == DescriptorId::Pitch ? kUnvoiced : static_cast<float>(descriptor(id).neutral);
        std::ranges::fill(curve(id), fill);
    }
}

double DescriptorCurves::duration() const
{
    return grid::durationOfFrames(m_frames);
}

std::span<const float> DescriptorCurves::curve(DescriptorId id) const
{
    return std::span<const float>(m_data).subspan(static_cast<std::size_t>(id) * m_frames, m_frames);
}

std::span<float> DescriptorCurves::curve(DescriptorId id)
{
    return std::span<float>(m_data).subspan(static_cast<std::size_t>(id) * m_frames, m_frames);
}

bool DescriptorCurves::isVoiced(int frame) const
{
    return !std::isnan(value(DescriptorId::Pitch, frame));
}

DescriptorCurves DescriptorCurves::resampled(int frameCount) const
{
    if (frameCount == m_frames || m_frames == 0)
        return frameCount == m_frames ? *this : DescriptorCurves(frameCount);
    DescriptorCurves out(frameCount);
    for (const auto id : kAllDescriptors) {
        const auto src = curve(id);
        auto dst = out.curve(id);
        for (int i = 0; i < frameCount; ++i) {
            const double pos = sourcePosition(i, m_frames, frameCount);
            const int i0 = static_cast<int>(pos);
            const int i1 = std::min(i0 + 1, m_frames - 1);
            const double t = pos - i0;
            const float a = src[i0];
            const float b = src[i1];
            if (id != DescriptorId::Pitch) {
                dst[i] = lerp(a, b, t);
            } else if (!std::isnan(a) && !std::isnan(b)) {
                dst[i] = logLerp(a, b, t);
            } else {
                dst[i] = t < 0.5 ? a : b; // voicing follows the nearer source frame
            }
        }
    }
    return out;
}

void DescriptorCurves::applyOffsetScale(DescriptorId id, double offset, double scale)
{
    const auto &info = descriptor(id);
    auto values = curve(id);
    switch (id) {
    case DescriptorId::Loudness: {
        // Scale the dynamics below the peak so that the attack keeps its level.
        const float peak = values.empty() ? 0.0f : *std::ranges::max_element(values);
        for (float &v : values)
            v = static_cast<float>(info.clamp(peak + (v - peak) * scale + offset));
        break;
    }
    case DescriptorId::Pitch: {
        const double ratio = scale * convert::semitonesToRatio(offset);
        for (float &v : values) {
            if (!std::isnan(v))
                v = static_cast<float>(info.clamp(v * ratio));
        }
        break;
    }
    default:
        for (float &v : values)
            v = static_cast<float>(info.clamp(v * scale + offset));
        break;
    }
}

void DescriptorCurves::clampToRange()
{
    for (const auto id : kAllDescriptors) {
        const auto &info = descriptor(id);
        for (float &v : curve(id)) {
            if (!std::isnan(v))
                v = static_cast<float>(info.clamp(v));
        }
    }
}

DescriptorCurves DescriptorCurves::morph(const DescriptorCurves &a, const DescriptorCurves &b, double amount)
{
    amount = std::clamp(amount, 0.0, 1.0);
    if (a.isEmpty() || b.isEmpty())
        return amount < 0.5 ? a : b;
    const int frames = std::max(1, static_cast<int>(std::lround((1.0 - amount) * a.m_frames + amount * b.m_frames)));
    const DescriptorCurves ra = a.resampled(frames);
    const DescriptorCurves rb = b.resampled(frames);
    DescriptorCurves out(frames);
    for (const auto id : kAllDescriptors) {
        if (id == DescriptorId::Pitch)
            continue;
        const auto ca = ra.curve(id);
        const auto cb = rb.curve(id);
        auto dst = out.curve(id);
        // Loudness is already in dB, so a linear mix is a mix in dB.
        for (int i = 0; i < frames; ++i)
            dst[i] = lerp(ca[i], cb[i], amount);
    }
    const auto pa = ra.curve(DescriptorId::Pitch);
    const auto pb = rb.curve(DescriptorId::Pitch);
    // A side that is unvoiced on a frame but voiced elsewhere lends the mix its held
    // pitch, so that the morph's pitch stays continuous where one side's voicing
    // flickers (a kick read voiced and unvoiced in turn) instead of jumping between the
    // voiced side's pitch and the mix.
    const std::vector<float> ha = heldPitch(pa);
    const std::vector<float> hb = heldPitch(pb);
    auto dst = out.curve(DescriptorId::Pitch);
    for (int i = 0; i < frames; ++i) {
        const bool va = !std::isnan(pa[i]);
        const bool vb = !std::isnan(pb[i]);
        const bool voiced = (va && vb) || (va && amount <= 0.5) || (vb && amount >= 0.5);
        if (!voiced)
            dst[i] = kUnvoiced;
        else if (std::isnan(ha[i]) || std::isnan(hb[i]))
            dst[i] = va ? pa[i] : pb[i]; // the other side is never voiced: nothing to mix with
        else
            dst[i] = logLerp(ha[i], hb[i], amount);
    }
    return out;
}

bool operator==(const DescriptorCurves &a, const DescriptorCurves &b)
{
    // Bitwise, so that two unvoiced frames compare equal.
    return a.m_frames == b.m_frames
        && std::memcmp(a.m_data.data(), b.m_data.data(), a.m_data.size() * sizeof(float)) == 0;
}

} // namespace neurorack
