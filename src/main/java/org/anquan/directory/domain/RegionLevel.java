package org.anquan.directory.domain;

public enum RegionLevel { CITY, COUNTY, TOWNSHIP }
