package org.anquan.emergency.fire;

/**
 * The Canadian Forest Fire Weather Index system (Van Wagner 1987) as the cffdrs package computes it:
 * the moisture codes FFMC, DMC and DC carried from day to day, and from them ISI, BUI, FWI and DSR, for
 * one day's noon weather (temperature °C, relative humidity %, wind km/h, 24-hour rain mm). The FFMC
 * moisture constant is 147.27723 and the DMC rain phase is cffdrs's, so the results match the standard
 * test series ({@code fwi-reference.csv}) to 0.1. Day lengths are those of the northern mid latitudes
 * (the table for latitudes above 30° N; 10–30° N for the southern part of the country).
 */
final class FireWeatherIndex {

    /** The start values after a gap, or at a station's first day. */
    public static final Codes START = new Codes(85.0, 6.0, 15.0);
    private static final double FFMC_CONSTANT = 147.27723;

    /** The three moisture codes one day hands to the next. */
    public record Codes(double ffmc, double dmc, double dc) {
    }

    /** A day's results. */
    public record Day(double ffmc, double dmc, double dc, double isi, double bui, double fwi, double dsr) {
        public Codes codes() {
            return new Codes(ffmc, dmc, dc);
        }
    }

    private static final double[] DAY_LENGTH_ABOVE_30N = {6.5, 7.5, 9, 12.8, 13.9, 13.9, 12.4, 10.9, 9.4, 8, 7, 6};
    private static final double[] DAY_LENGTH_10_TO_30N = {7.9, 8.4, 8.9, 9.5, 9.9, 10.2, 10.1, 9.7, 9.1, 8.6, 8.1, 7.8};
    private static final double[] DAY_LENGTH_FACTOR_NORTH = {-1.6, -1.6, -1.6, 0.9, 3.8, 5.8, 6.4, 5, 2.4, 0.4, -1.6, -1.6};

    private FireWeatherIndex() {
    }

    /** One day at a station at {@code latitude} (degrees north) in {@code month} (1–12), from yesterday's codes. */
    public static Day day(Codes yesterday, double temp, double rh, double wind, double rain, int month, double latitude) {
        double ffmc = ffmc(yesterday.ffmc(), temp, rh, wind, rain);
        double dmc = dmc(yesterday.dmc(), temp, rh, rain, month, latitude);
        double dc = dc(yesterday.dc(), temp, rain, month, latitude);
        double isi = isi(ffmc, wind);
        double bui = bui(dmc, dc);
        double fwi = fwi(isi, bui);
        return new Day(ffmc, dmc, dc, isi, bui, fwi, 0.0272 * Math.pow(fwi, 1.77));
    }

    static double ffmc(double ffmcYesterday, double temp, double rh, double wind, double rain) {
        double mo = FFMC_CONSTANT * (101 - ffmcYesterday) / (59.5 + ffmcYesterday);
        if (rain > 0.5) {
            double rf = rain - 0.5;
            double wetting = 42.5 * rf * Math.exp(-100 / (251 - mo)) * (1 - Math.exp(-6.93 / rf));
            mo = mo > 150 ? mo + wetting + 0.0015 * Math.pow(mo - 150, 2) * Math.sqrt(rf) : mo + wetting;
            mo = Math.min(mo, 250);
        }
        double ed = 0.942 * Math.pow(rh, 0.679) + 11 * Math.exp((rh - 100) / 10) + 0.18 * (21.1 - temp) * (1 - 1 / Math.exp(0.115 * rh));
        double ew = 0.618 * Math.pow(rh, 0.753) + 10 * Math.exp((rh - 100) / 10) + 0.18 * (21.1 - temp) * (1 - 1 / Math.exp(0.115 * rh));
        double m = mo;
        if (mo < ed && mo < ew) {
            double kl = 0.424 * (1 - Math.pow((100 - rh) / 100, 1.7)) + 0.0694 * Math.sqrt(wind) * (1 - Math.pow((100 - rh) / 100, 8));
            double kw = kl * 0.581 * Math.exp(0.0365 * temp);
            m = ew - (ew - mo) / Math.pow(10, kw);
        }
        if (mo > ed) {
            double kl = 0.424 * (1 - Math.pow(rh / 100, 1.7)) + 0.0694 * Math.sqrt(wind) * (1 - Math.pow(rh / 100, 8));
            double kw = kl * 0.581 * Math.exp(0.0365 * temp);
            m = ed + (mo - ed) / Math.pow(10, kw);
        }
        double ffmc = 59.5 * (250 - m) / (FFMC_CONSTANT + m);
        return Math.max(0, Math.min(101, ffmc));
    }

    static double dmc(double dmcYesterday, double temp, double rh, double rain, int month, double latitude) {
        double[] ell = latitude > 30 ? DAY_LENGTH_ABOVE_30N : latitude > 10 ? DAY_LENGTH_10_TO_30N : null;
        double length = ell == null ? 9 : ell[month - 1];
        double t = Math.max(temp, -1.1);
        double rk = 1.894 * (t + 1.1) * (100 - rh) * length * 1e-4;
        double pr = dmcYesterday;
        if (rain > 1.5) {
            double rw = 0.92 * rain - 1.27;
            double wmi = 20 + 280 / Math.exp(0.023 * dmcYesterday);
            double b = dmcYesterday <= 33 ? 100 / (0.5 + 0.3 * dmcYesterday)
                    : dmcYesterday <= 65 ? 14 - 1.3 * Math.log(dmcYesterday) : 6.2 * Math.log(dmcYesterday) - 17.2;
            double wmr = wmi + 1000 * rw / (48.77 + b * rw);
            pr = 43.43 * (5.6348 - Math.log(wmr - 20));
        }
        pr = Math.max(pr, 0);
        return Math.max(pr + rk, 0);
    }

    static double dc(double dcYesterday, double temp, double rain, int month, double latitude) {
        double fl = latitude > 20 ? DAY_LENGTH_FACTOR_NORTH[month - 1] : 1.4;
        double t = Math.max(temp, -2.8);
        double pe = Math.max((0.36 * (t + 2.8) + fl) / 2, 0);
        double dr = dcYesterday;
        if (rain > 2.8) {
            double rw = 0.83 * rain - 1.27;
            double smi = 800 * Math.exp(-dcYesterday / 400);
            dr = Math.max(dcYesterday - 400 * Math.log(1 + 3.937 * rw / smi), 0);
        }
        return Math.max(dr + pe, 0);
    }

    static double isi(double ffmc, double wind) {
        double fm = FFMC_CONSTANT * (101 - ffmc) / (59.5 + ffmc);
        double fw = Math.exp(0.05039 * wind);
        double ff = 91.9 * Math.exp(-0.1386 * fm) * (1 + Math.pow(fm, 5.31) / 49_300_000);
        return 0.208 * fw * ff;
    }

    static double bui(double dmc, double dc) {
        double bui1 = dmc == 0 && dc == 0 ? 0 : 0.8 * dc * dmc / (dmc + 0.4 * dc);
        if (bui1 >= dmc) {
            return bui1;
        }
        double p = dmc == 0 ? 0 : (dmc - bui1) / dmc;
        double cc = 0.92 + Math.pow(0.0114 * dmc, 1.7);
        return Math.max(dmc - cc * p, 0);
    }

    static double fwi(double isi, double bui) {
        double bb = bui > 80 ? 0.1 * isi * (1000 / (25 + 108.64 / Math.exp(0.023 * bui))) : 0.1 * isi * (0.626 * Math.pow(bui, 0.809) + 2);
        return bb <= 1 ? bb : Math.exp(2.72 * Math.pow(0.434 * Math.log(bb), 0.647));
    }
}
