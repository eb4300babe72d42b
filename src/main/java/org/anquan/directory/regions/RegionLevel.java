package org.anquan.directory.regions;

public enum RegionLevel { CITY, COUNTY, TOWNSHIP }
