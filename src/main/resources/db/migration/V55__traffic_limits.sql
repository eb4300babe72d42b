-- Over-limit transport (超限, MoT Order 2016-62): the gross-mass limits by configuration and the permitted
-- axle loads, held as data so the judgment of a reading can be explained line by line.
CREATE TABLE traffic_gross_limit (
    rule_code    VARCHAR(32)  NOT NULL PRIMARY KEY,
    -- the number of axles; 6 stands for six or more
    axles        INT          NOT NULL,
    -- TRUE for a combination (汽车列车), FALSE for a rigid truck, NULL for either
    combination  BOOLEAN,
    -- TRUE when the tractor has a single drive axle, NULL for either
    single_drive BOOLEAN,
    limit_kg     INT          NOT NULL,
    name_zh      VARCHAR(60)  NOT NULL,
    name_en      VARCHAR(80)  NOT NULL
);
INSERT INTO traffic_gross_limit (rule_code, axles, combination, single_drive, limit_kg, name_zh, name_en) VALUES
 ('AXLES_2', 2, NULL, NULL, 18000, '二轴车辆', 'Two axles'),
 ('TRUCK_3', 3, FALSE, NULL, 25000, '三轴货车', 'Three-axle truck'),
 ('COMBINATION_3', 3, TRUE, NULL, 27000, '三轴汽车列车', 'Three-axle combination'),
 ('TRUCK_4', 4, FALSE, NULL, 31000, '四轴货车', 'Four-axle truck'),
 ('COMBINATION_4', 4, TRUE, NULL, 36000, '四轴汽车列车', 'Four-axle combination'),
 ('AXLES_5', 5, NULL, NULL, 43000, '五轴汽车列车', 'Five axles'),
 ('AXLES_6', 6, NULL, FALSE, 49000, '六轴及以上汽车列车', 'Six axles or more'),
 ('AXLES_6_SINGLE_DRIVE', 6, NULL, TRUE, 46000, '六轴及以上（牵引车单驱动轴）', 'Six axles or more, single drive axle');

-- The load one axle may carry, by its tyres and whether it drives (GB 1589 single axles): the gross limit
-- may not exceed their sum.
CREATE TABLE traffic_axle_load (
    tyres    VARCHAR(8) NOT NULL,
    drive    BOOLEAN    NOT NULL,
    limit_kg INT        NOT NULL,
    PRIMARY KEY (tyres, drive)
);
INSERT INTO traffic_axle_load (tyres, drive, limit_kg) VALUES
 ('SINGLE', FALSE, 7000), ('SINGLE', TRUE, 7000),
 ('DUAL', FALSE, 10000), ('DUAL', TRUE, 11500),
 ('WIDE', FALSE, 10000), ('WIDE', TRUE, 11500);
